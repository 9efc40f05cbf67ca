package dev.rapport.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.rapport.App;
import dev.rapport.it.WebchatBrowser.Event;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Two Rapport instances on one database behind a plain load balancer (no sticky sessions): a
 * browser's posts alternate between them while its stream is on one of them.
 */
class WebchatInstancesIT {

    private static final int SESSIONS = 5;
    private static final int POSTS = 6;

    @Test
    void postsAlternatingBetweenInstancesKeepTheirOrderAndEveryReplyReachesTheStreamOnTheOther() throws Exception {
        try (var first = RunningRapport.start();
                var second = App.start(first.config(), first.database, false)) {
            assertThat(second.awaitReady(java.time.Duration.ofMinutes(1))).isTrue();
            String secondUrl = "http://127.0.0.1:" + second.port();
            List<WebchatBrowser> browsers = new ArrayList<>();
            List<BlockingQueue<Event>> streams = new ArrayList<>();
            for (int s = 0; s < SESSIONS; s++) {
                var browser = WebchatBrowser.open(first.url("")); // the session works on every instance
                browsers.add(browser);
                var events = browser.on(secondUrl).listen(); // the stream is on the second
                WebchatBrowser.next(events, "history");
                streams.add(events);
            }
            for (int n = 0; n < POSTS; n++) {
                for (WebchatBrowser browser : browsers) {
                    var target = n % 2 == 0 ? browser : browser.on(secondUrl);
                    assertThat(target.say("order " + n).statusCode()).isEqualTo(202);
                }
            }

            await().atMost(Duration.ofSeconds(60))
                    .until(() -> first.count(
                                    "SELECT count(*) FROM inbound_updates WHERE channel = 'webchat' AND status = 'processed'")
                            == SESSIONS * POSTS);
            await().atMost(Duration.ofSeconds(30))
                    .until(() ->
                            first.count("SELECT count(*) FROM outbox WHERE channel = 'webchat' AND status <> 'sent'")
                                    == 0);
            List<String> chatKeys = first.database
                    .jdbi()
                    .withHandle(handle -> handle.createQuery(
                                    "SELECT chat_key FROM webchat_sessions ORDER BY created_at, chat_key")
                            .mapTo(String.class)
                            .list());
            assertThat(chatKeys).hasSize(SESSIONS);

            // Per chat, the engine saw the posts in the order they were made.
            assertThat(first.count("""
                    SELECT count(*) FROM (
                        SELECT u.update_id < lag(u.update_id) OVER (PARTITION BY m.chat_key ORDER BY m.id) AS backwards
                        FROM messages m JOIN inbound_updates u ON u.id = m.inbound_update_id
                        WHERE m.direction = 'in' AND m.channel = 'webchat') AS steps WHERE backwards""")).isZero();
            List<String> texts = first.database
                    .jdbi()
                    .withHandle(handle -> handle.createQuery("""
                    SELECT text FROM messages WHERE direction = 'in' AND channel = 'webchat' AND chat_key = :key
                    ORDER BY id""")
                            .bind("key", chatKeys.get(0))
                            .mapTo(String.class)
                            .list());
            assertThat(texts).containsExactly("order 0", "order 1", "order 2", "order 3", "order 4", "order 5");

            // Every reply, whichever instance sent it, reached the stream on the second instance.
            for (int s = 0; s < SESSIONS; s++) {
                String chatKey = chatKeyOf(first, browsers.get(s));
                List<String> outbox = first.database
                        .jdbi()
                        .withHandle(handle -> handle.createQuery("""
                                SELECT dedup_key FROM outbox WHERE channel = 'webchat' AND chat_key = :key
                                AND reply->>'type' = 'text' ORDER BY id""")
                                .bind("key", chatKey)
                                .mapTo(String.class)
                                .list());
                assertThat(outbox).hasSizeGreaterThanOrEqualTo(POSTS);
                List<String> live = new ArrayList<>();
                BlockingQueue<Event> events = streams.get(s);
                long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
                while (live.size() < outbox.size() && System.nanoTime() < deadline) {
                    Event event = events.poll(200, TimeUnit.MILLISECONDS);
                    if (event != null && event.name().equals("message")) {
                        live.add(event.data().path("key").asText());
                    }
                }
                assertThat(live).as("replies pushed to chat %s", s).containsExactlyInAnyOrderElementsOf(outbox);
            }
        }
    }

    private static String chatKeyOf(RunningRapport rapport, WebchatBrowser browser) {
        String token = browser.cookie.substring(browser.cookie.indexOf('=') + 1);
        return dev.rapport.channel.webchat.WebchatTestAccess.chatKeyOf(token);
    }
}
