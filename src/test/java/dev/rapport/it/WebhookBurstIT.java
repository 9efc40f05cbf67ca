package dev.rapport.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * A burst as Telegram delivers one after a quiet spell: many chats, each with several updates
 * waiting, posted as fast as Telegram's default 40 connections allow — each chat's next update
 * only after the previous one was answered. Every update is answered 2xx without a time-out, and
 * every chat's updates are processed in order. (bench/intake.sh --phases=burst does the same at
 * 20,000 updates and reports the timings.)
 */
class WebhookBurstIT {

    private static final int CONNECTIONS = 40;
    private static final int CHATS = 200;
    private static final int PER_CHAT = 10;
    private static final long FIRST_CHAT = 9_100_000;

    @Test
    void twoThousandUpdatesOverFortyConnectionsAreAllAnsweredAndProcessedInOrderPerChat() throws Exception {
        try (var rapport = RunningRapport.start()) {
            var http = HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(5))
                    .build();
            var failures = new ConcurrentLinkedQueue<String>();
            var answered = new AtomicInteger();
            var go = new CountDownLatch(1);
            var threads = new ArrayList<Thread>();
            for (int connection = 0; connection < CONNECTIONS; connection++) {
                int first = connection;
                Thread thread = new Thread(
                        () -> {
                            awaitLatch(go);
                            // This connection's chats, round robin, each chat's updates in update_id order.
                            for (int n = 0; n < PER_CHAT; n++) {
                                for (int chat = first; chat < CHATS; chat += CONNECTIONS) {
                                    long updateId = 1_000_000L + (long) chat * PER_CHAT + n;
                                    String outcome =
                                            post(http, rapport, Updates.text(updateId, FIRST_CHAT + chat, "/help"));
                                    if (outcome == null) {
                                        answered.incrementAndGet();
                                    } else {
                                        failures.add("update " + updateId + ": " + outcome);
                                    }
                                }
                            }
                        },
                        "burst-" + connection);
                thread.start();
                threads.add(thread);
            }
            go.countDown();
            for (Thread thread : threads) {
                thread.join(Duration.ofMinutes(2).toMillis());
            }

            assertThat(failures).isEmpty();
            assertThat(answered.get()).isEqualTo(CHATS * PER_CHAT);
            await().atMost(Duration.ofSeconds(90)).until(() -> rapport.count("""
                    SELECT count(*) FROM inbound_updates WHERE status = 'processed' AND chat_key::bigint >= ?""", FIRST_CHAT) == CHATS * PER_CHAT);
            assertThat(rapport.count("""
                    SELECT count(*) FROM messages WHERE direction = 'in' AND chat_key::bigint >= ?""", FIRST_CHAT))
                    .as("each update logged once")
                    .isEqualTo(CHATS * PER_CHAT);
            assertThat(rapport.count("""
                    SELECT count(*) FROM (
                        SELECT u.update_id < lag(u.update_id) OVER (PARTITION BY m.chat_key ORDER BY m.id) AS backwards
                        FROM messages m JOIN inbound_updates u ON u.id = m.inbound_update_id
                        WHERE m.direction = 'in' AND m.chat_key::bigint >= ?) AS steps WHERE backwards""", FIRST_CHAT))
                    .as("updates processed out of order")
                    .isZero();
            assertThat(rapport.count("""
                    SELECT count(DISTINCT dedup_key) FROM outbox WHERE chat_key::bigint >= ?""", FIRST_CHAT))
                    .as("one reply queued per update")
                    .isEqualTo(CHATS * PER_CHAT);
        }
    }

    /** Null when answered 2xx within the time Telegram waits, else what went wrong. */
    private static String post(HttpClient http, RunningRapport rapport, String body) {
        var request = HttpRequest.newBuilder(URI.create(rapport.url("/telegram/webhook")))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .header("X-Telegram-Bot-Api-Secret-Token", RunningRapport.SECRET)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        try {
            int status =
                    http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            return status / 100 == 2 ? null : "answered " + status;
        } catch (java.io.IOException e) {
            return e.toString();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
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
