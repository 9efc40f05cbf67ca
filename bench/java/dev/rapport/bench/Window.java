package dev.rapport.bench;

import java.time.Instant;

/**
 * Runs one phase's load: warm-up, measuring window, drain; with the server's counters and this
 * process's memory taken around the window. Used from the main thread only.
 */
final class Window {

    /** The load's result, with the wall-clock bounds of the window for reading the tables afterwards. */
    record Measured(
            LoadGenerator.Result load,
            ProcessMemory.Peaks memory,
            ServerStats.Rates database,
            CpuUsage.Spent cpu,
            double loadAverage,
            Instant from,
            Instant to) {}

    private Window() {}

    static Measured run(
            LoadGenerator generator,
            BenchOptions options,
            ServerStats stats,
            String database,
            ProcessMemory memory,
            CpuUsage cpu,
            String phase)
            throws InterruptedException {
        generator.start();
        System.out.printf("  %s: warming up for %ss%n", phase, options.warmup().toMillis() / 1000.0);
        Thread.sleep(options.warmup().toMillis());
        ServerStats.Snapshot before = stats.take(database);
        Instant from = Instant.now();
        cpu.start();
        generator.startMeasuring();
        System.out.printf("  %s: measuring for %ss%n", phase, options.duration().toMillis() / 1000.0);
        Thread.sleep(options.duration().toMillis());
        generator.stopMeasuring();
        CpuUsage.Spent spent = cpu.stop();
        Instant to = Instant.now();
        ServerStats.Snapshot after = stats.take(database);
        double loadAverage = LoadAverage.oneMinute();
        LoadGenerator.Result load = generator.stop(options.drain());
        return new Measured(
                load, memory.peaks(), ServerStats.Rates.between(before, after), spent, loadAverage, from, to);
    }

    /**
     * The webhook-answer window: after the main window, the same server under a lighter load
     * ({@code --latency-connections}, as few as Telegram often uses), warmed for 2 s, measured for
     * {@code --latency-duration}. The server keeps processing what it accepted meanwhile.
     */
    static LoadGenerator.Result latency(LoadGenerator generator, BenchOptions options, String phase)
            throws InterruptedException {
        generator.start();
        System.out.printf(
                "  %s: webhook answers over %d connections for %ss%n",
                phase, options.latencyConnections(), options.latencyDuration().toMillis() / 1000.0);
        Thread.sleep(2_000);
        generator.startMeasuring();
        Thread.sleep(options.latencyDuration().toMillis());
        generator.stopMeasuring();
        return generator.stop(options.drain());
    }
}
