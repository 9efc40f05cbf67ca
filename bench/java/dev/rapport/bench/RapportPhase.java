package dev.rapport.bench;

import dev.rapport.App;
import dev.rapport.channel.telegram.FakeTelegramApi;
import dev.rapport.config.RapportConfig;
import dev.rapport.store.Database;
import java.util.ArrayList;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Phase 3: Rapport as it runs in production — webhook, intake, inbox workers, engine with the
 * shipped conversations, outbox sender — with the Bot API replaced by {@link FakeTelegramApi} on
 * 127.0.0.1. An update is done when the fake server receives the sendMessage for its chat.
 */
final class RapportPhase {

    static final String WEBHOOK_PATH = "/telegram/webhook";

    private RapportPhase() {}

    static PhaseResult run(
            BenchOptions options,
            RapportConfig config,
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
        memory.reset();
        var forgetCalls = Executors.newSingleThreadScheduledExecutor();
        forgetCalls.scheduleAtFixedRate(telegram::clearCalls, 1, 1, TimeUnit.SECONDS);
        try (var database = Database.connect(jdbcUrl, poolSize)) {
            database.migrate();
            History.fill(database, options.history());
            App app = App.start(config, database, false);
            app.awaitReady(
                    java.time.Duration.ofMinutes(2)); // models loaded, workers running: as a health check would wait
            try {
                var generator = new LoadGenerator(
                        app.port(),
                        WEBHOOK_PATH,
                        headers,
                        new UpdateBodies(options.text()),
                        options.chats(),
                        options.connections(),
                        LoadGenerator.Completion.ON_REPLY,
                        updateIds);
                replies.routeTo(generator);
                var measured = Window.run(
                        generator, options, stats, ServerStats.databaseName(jdbcUrl), memory, cpu, "rapport");
                LoadGenerator.Result latency = null;
                if (options.latencyConnections() > 0) {
                    var few = new LoadGenerator(
                            app.port(),
                            WEBHOOK_PATH,
                            headers,
                            new UpdateBodies(options.text()),
                            options.chats(),
                            options.latencyConnections(),
                            LoadGenerator.Completion.ON_REPLY,
                            updateIds);
                    replies.routeTo(few);
                    latency = Window.latency(few, options, "rapport");
                }
                replies.routeTo(null);
                var pipeline = PipelineStats.read(database.jdbi(), measured.from(), measured.to());
                var notes = new ArrayList<String>();
                notes.add("pool size " + poolSize + ", inbox " + config.inbox() + ", outbox " + config.outbox());
                notes.addAll(RapportMetrics.describe(app.port()));
                if (System.getenv("BENCH_PG_STATEMENTS") != null) {
                    notes.addAll(TopStatements.read(database.jdbi()));
                }
                return new PhaseResult(
                        "rapport",
                        measured.load(),
                        measured.memory(),
                        measured.database(),
                        measured.cpu(),
                        measured.loadAverage(),
                        pipeline,
                        notes,
                        latency);
            } finally {
                app.close();
            }
        } finally {
            forgetCalls.shutdownNow();
        }
    }
}
