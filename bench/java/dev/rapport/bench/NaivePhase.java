package dev.rapport.bench;

import dev.rapport.channel.telegram.FakeTelegramApi;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Phase 2: the naive bot ({@link NaiveBotProcess}) under the same load, on the same PostgreSQL, with
 * the same fake Bot API; an update is done when its reply reaches the fake Bot API, as for Rapport.
 * Its CPU is its own process's, read from /proc; its memory is not measured.
 */
final class NaivePhase {

    private NaivePhase() {}

    static PhaseResult run(
            BenchOptions options,
            FakeTelegramApi telegram,
            ReplyRouter replies,
            String jdbcUrl,
            int poolSize,
            Map<String, String> headers,
            AtomicLong updateIds,
            ServerStats stats,
            ProcessMemory memory,
            CpuUsage cpu)
            throws InterruptedException {
        var forgetCalls = Executors.newSingleThreadScheduledExecutor();
        forgetCalls.scheduleAtFixedRate(telegram::clearCalls, 1, 1, TimeUnit.SECONDS);
        try (var bot = new NaiveBotProcess(jdbcUrl, poolSize, telegram.port(), telegram.token())) {
            var generator = new LoadGenerator(
                    bot.port(),
                    NaiveBotProcess.PATH,
                    headers,
                    new UpdateBodies(options.text()),
                    options.chats(),
                    options.connections(),
                    LoadGenerator.Completion.ON_REPLY,
                    updateIds);
            replies.routeTo(generator);
            var measured = Window.run(
                    generator,
                    options,
                    stats,
                    ServerStats.databaseName(jdbcUrl),
                    memory,
                    cpu.ofProcess(bot.pid()),
                    "naive");
            LoadGenerator.Result latency = null;
            if (options.latencyConnections() > 0) {
                var few = new LoadGenerator(
                        bot.port(),
                        NaiveBotProcess.PATH,
                        headers,
                        new UpdateBodies(options.text()),
                        options.chats(),
                        options.latencyConnections(),
                        LoadGenerator.Completion.ON_REPLY,
                        updateIds);
                replies.routeTo(few);
                latency = Window.latency(few, options, "naive");
            }
            replies.routeTo(null);
            return new PhaseResult(
                    "naive",
                    measured.load(),
                    ProcessMemory.Peaks.UNKNOWN,
                    measured.database(),
                    measured.cpu(),
                    measured.loadAverage(),
                    null,
                    List.of(
                            "pool size " + poolSize
                                    + ", a JVM of its own (TelegramBots webhook module 9.5.0, Javalin 6); see target/naive-bot.log"),
                    latency);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the naive bot", e);
        } finally {
            forgetCalls.shutdownNow();
        }
    }
}
