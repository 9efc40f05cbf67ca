package dev.rapport.bench;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/** Phase 1: the store-and-answer yardstick ({@link BaselineServer}) under the same load. */
final class BaselinePhase {

    private BaselinePhase() {}

    static PhaseResult run(
            BenchOptions options,
            String jdbcUrl,
            int poolSize,
            Map<String, String> headers,
            AtomicLong updateIds,
            ServerStats stats,
            ProcessMemory memory,
            CpuUsage cpu)
            throws InterruptedException {
        memory.reset();
        try (var server = new BaselineServer(jdbcUrl, poolSize).start()) {
            var generator = new LoadGenerator(
                    server.port(),
                    BaselineServer.PATH,
                    headers,
                    new UpdateBodies(options.text()),
                    options.chats(),
                    options.connections(),
                    LoadGenerator.Completion.ON_ANSWER,
                    updateIds);
            var measured =
                    Window.run(generator, options, stats, ServerStats.databaseName(jdbcUrl), memory, cpu, "baseline");
            LoadGenerator.Result latency = null;
            if (options.latencyConnections() > 0) {
                latency = Window.latency(
                        new LoadGenerator(
                                server.port(),
                                BaselineServer.PATH,
                                headers,
                                new UpdateBodies(options.text()),
                                options.chats(),
                                options.latencyConnections(),
                                LoadGenerator.Completion.ON_ANSWER,
                                updateIds),
                        options,
                        "baseline");
            }
            return new PhaseResult(
                    "baseline",
                    measured.load(),
                    measured.memory(),
                    measured.database(),
                    measured.cpu(),
                    measured.loadAverage(),
                    null,
                    List.of("pool size " + poolSize),
                    latency);
        }
    }
}
