package dev.rapport.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class InboxOrderingIT {

    @Test
    void fiftyMessagesToOneChatPostedConcurrentlyAreProcessedInUpdateIdOrder() throws Exception {
        // A reorder window far longer than the posting keeps every update pending, whatever the machine's
        // speed; the restart then finds them all stored, in the order they happened to arrive.
        try (var rapport = RunningRapport.start(Map.of("RAPPORT_INBOX_SETTLE_MILLIS", "10000"))) {
            List<Long> ids =
                    new ArrayList<>(LongStream.rangeClosed(1001, 1050).boxed().toList());
            Collections.shuffle(ids);
            ExecutorService pool = Executors.newFixedThreadPool(16);
            var go = new CountDownLatch(1);
            var posts = ids.stream()
                    .map(id -> CompletableFuture.supplyAsync(
                            () -> {
                                awaitLatch(go);
                                return rapport.postUpdate(Updates.text(id, 777, "message " + id))
                                        .statusCode();
                            },
                            pool))
                    .toList();
            go.countDown();
            posts.forEach(post -> assertThat(post.join()).isEqualTo(200));
            pool.shutdown();
            rapport.stop();
            assertThat(rapport.count("SELECT count(*) FROM inbound_updates WHERE status = 'pending'"))
                    .isEqualTo(50);

            rapport.restart(Map.of("RAPPORT_INBOX_SETTLE_MILLIS", "0"));

            await().atMost(Duration.ofSeconds(30))
                    .until(() ->
                            rapport.count("SELECT count(*) FROM inbound_updates WHERE status = 'processed'") == 50);
            List<Long> processingOrder = rapport.database
                    .jdbi()
                    .withHandle(
                            handle -> handle.createQuery("""
                            SELECT u.update_id FROM messages m JOIN inbound_updates u ON u.id = m.inbound_update_id
                            WHERE m.direction = 'in' AND m.chat_key = '777' ORDER BY m.id""").mapTo(Long.class).list());
            assertThat(processingOrder).hasSize(50).isSorted();
        }
    }

    @Test
    void chatsAreProcessedByOneWorkerAtATimeAcrossTwoRapportProcesses() throws Exception {
        try (var first = RunningRapport.start(java.util.Map.of("RAPPORT_INBOX_WORKERS", "4"))) {
            var secondConfig = first.config();
            try (var second = dev.rapport.App.start(secondConfig, first.database, false)) {
                assertThat(second.awaitReady(java.time.Duration.ofMinutes(1))).isTrue();
                for (long chat = 1; chat <= 20; chat++) {
                    for (long n = 0; n < 5; n++) {
                        long id = 5000 + chat * 10 + n;
                        var target = n % 2 == 0 ? first : null;
                        if (target != null) {
                            first.postUpdate(Updates.text(id, 800 + chat, "hello " + n));
                        } else {
                            var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                                            "http://127.0.0.1:" + second.port() + "/telegram/webhook"))
                                    .header("X-Telegram-Bot-Api-Secret-Token", RunningRapport.SECRET)
                                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString(
                                            Updates.text(id, 800 + chat, "hello " + n)))
                                    .build();
                            assertThat(first.send(request).statusCode()).isEqualTo(200);
                        }
                    }
                }
                await().atMost(Duration.ofSeconds(30))
                        .until(() ->
                                first.count("SELECT count(*) FROM inbound_updates WHERE status = 'processed'") == 100);
                // Per chat, the log holds each inbound message once, in update order.
                assertThat(first.count("SELECT count(*) FROM messages WHERE direction = 'in'"))
                        .isEqualTo(100);
                assertThat(first.count("""
                        SELECT count(*) FROM (
                            SELECT u.update_id < lag(u.update_id) OVER (PARTITION BY m.chat_key ORDER BY m.id) AS backwards
                            FROM messages m JOIN inbound_updates u ON u.id = m.inbound_update_id
                            WHERE m.direction = 'in') AS steps WHERE backwards""")).isZero();
            }
        }
    }

    private static void awaitLatch(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
