package dev.rapport.bench;

import dev.rapport.App;
import dev.rapport.config.RapportConfig;
import dev.rapport.store.Database;
import java.io.IOException;
import java.io.PrintStream;
import java.net.SocketTimeoutException;
import java.util.ArrayList;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The burst phase ({@code --phases=burst}): a fresh Rapport is sent {@code --burst} updates as fast
 * as {@code --burst-connections} connections allow (Telegram's default {@code max_connections} is
 * 40), spread over {@code --chats} chats; each connection posts its own chats' updates round robin,
 * so a chat's next update goes only after its previous one was answered, as Telegram does. Reports
 * how every update was answered (2xx, error, time-out after 30 s), how long posting and processing
 * took, and whether each chat's updates were processed once each and in order.
 */
final class BurstPhase {

    /** What the burst showed. */
    record Result(
            long updates,
            int connections,
            int chats,
            long answered,
            long errors,
            long timeouts,
            double postingSeconds,
            Latencies.Summary answer,
            double processedSeconds,
            long processed,
            long loggedTwice,
            long outOfOrder) {

        void print(PrintStream out) {
            out.println();
            out.printf("burst: %,d updates to %,d chats over %d connections%n", updates, chats, connections);
            out.printf(
                    "  answered 2xx %,d, errors %d, time-outs %d   (target: all answered, none failed: %s)%n",
                    answered, errors, timeouts, answered == updates && errors == 0 && timeouts == 0 ? "met" : "MISSED");
            out.printf(
                    "  posted in %.1f s (%,.0f updates/s); answer p50 %.2f ms, p99 %.2f ms, max %.2f ms%n",
                    postingSeconds,
                    updates / postingSeconds,
                    answer.p50Millis(),
                    answer.p99Millis(),
                    answer.maxMillis());
            out.printf(
                    "  processed %,d of them %.1f s after the first post; logged twice %d, out of order %d   "
                            + "(target: all, none, none: %s)%n",
                    processed,
                    processedSeconds,
                    loggedTwice,
                    outOfOrder,
                    processed == updates && loggedTwice == 0 && outOfOrder == 0 ? "met" : "MISSED");
        }
    }

    private static final long FIRST_CHAT_ID = 700_000_000L;

    private BurstPhase() {}

    static Result run(
            BenchOptions options,
            RapportConfig config,
            String jdbcUrl,
            int poolSize,
            Map<String, String> headers,
            AtomicLong updateIds)
            throws InterruptedException {
        int updates = options.burst();
        int connections = options.burstConnections();
        int chats = Math.min(options.chats(), updates);
        int perChat = (updates + chats - 1) / chats;
        try (var database = Database.connect(jdbcUrl, poolSize)) {
            database.migrate();
            App app = App.start(config, database, false);
            app.awaitReady(java.time.Duration.ofMinutes(2)); // models loaded and workers running, as in production
            try {
                var bodies = new UpdateBodies(options.text());
                long firstUpdateId = updateIds.get() + 1;
                updateIds.addAndGet((long) chats * perChat);
                var answers = new Latencies();
                var answered = new AtomicLong();
                var errors = new AtomicLong();
                var timeouts = new AtomicLong();
                var go = new CountDownLatch(1);
                var threads = new ArrayList<Thread>();
                for (int connection = 0; connection < connections; connection++) {
                    int first = connection;
                    Thread thread = new Thread(
                            () -> {
                                try (var http = new HttpConnection(app.port(), RapportPhase.WEBHOOK_PATH, headers)) {
                                    go.await();
                                    for (int n = 0; n < perChat; n++) {
                                        for (int chat = first; chat < chats; chat += connections) {
                                            long sequence = (long) n * chats + chat;
                                            if (sequence >= updates) {
                                                continue;
                                            }
                                            byte[] body = bodies.body(firstUpdateId + sequence, FIRST_CHAT_ID + chat);
                                            long sent = System.nanoTime();
                                            try {
                                                int status = http.post(body);
                                                answers.record(System.nanoTime() - sent);
                                                (status / 100 == 2 ? answered : errors).incrementAndGet();
                                            } catch (SocketTimeoutException e) {
                                                timeouts.incrementAndGet();
                                            } catch (IOException e) {
                                                errors.incrementAndGet();
                                            }
                                        }
                                    }
                                } catch (InterruptedException e) {
                                    Thread.currentThread().interrupt();
                                }
                            },
                            "load-burst-" + connection);
                    thread.start();
                    threads.add(thread);
                }
                System.out.printf("  burst: posting %,d updates over %d connections%n", updates, connections);
                long start = System.nanoTime();
                go.countDown();
                for (Thread thread : threads) {
                    thread.join();
                }
                double posting = (System.nanoTime() - start) / 1e9;
                long deadline = System.nanoTime() + options.drain().toNanos() + 60_000_000_000L;
                long processed = 0;
                while (System.nanoTime() < deadline) {
                    processed = count(database, "SELECT count(*) FROM inbound_updates WHERE status = 'processed'");
                    if (processed >= answered.get()) {
                        break;
                    }
                    Thread.sleep(50);
                }
                double processing = (System.nanoTime() - start) / 1e9;
                long loggedTwice = count(database, """
                        SELECT count(*) FROM (SELECT inbound_update_id FROM messages WHERE direction = 'in'
                                              GROUP BY inbound_update_id HAVING count(*) > 1) AS twice""");
                long outOfOrder = count(database, """
                        SELECT count(*) FROM (
                            SELECT u.update_id < lag(u.update_id) OVER (PARTITION BY m.chat_key ORDER BY m.id) AS backwards
                            FROM messages m JOIN inbound_updates u ON u.id = m.inbound_update_id
                            WHERE m.direction = 'in') AS steps WHERE backwards""");
                return new Result(
                        updates,
                        connections,
                        chats,
                        answered.get(),
                        errors.get(),
                        timeouts.get(),
                        posting,
                        answers.summary(),
                        processing,
                        processed,
                        loggedTwice,
                        outOfOrder);
            } finally {
                app.close();
            }
        }
    }

    private static long count(Database database, String sql) {
        return database.jdbi()
                .withHandle(handle -> handle.createQuery(sql).mapTo(Long.class).one());
    }
}
