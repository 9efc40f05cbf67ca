package dev.rapport.it;

import static dev.rapport.it.WebchatBrowser.next;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rapport.it.WebchatBrowser.Event;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The web chat over HTTP: the page, a post, the reply pushed as a server-sent event, a button press,
 * a reply shown once when the browser connects while it is being sent, and the checks on posts.
 */
class WebchatIT {

    @Test
    void aVisitorChatsThroughTheSameInboxEngineAndOutbox() throws Exception {
        try (var rapport = RunningRapport.start()) {
            var page = rapport.get("/chat");
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body())
                    .contains("EventSource", "/chat/api/messages")
                    .doesNotContain("{{");

            var browser = WebchatBrowser.open(rapport.url(""));
            BlockingQueue<Event> events = browser.listen();
            assertThat(next(events, "history").data()).isEmpty();

            var posted = browser.post("{\"text\": \"/start\", \"language\": \"zh\", \"name\": \"小明\"}");
            assertThat(posted.statusCode()).isEqualTo(202);

            Event greeting = next(events, "message");
            assertThat(greeting.data().path("text").asText()).contains("小明");
            JsonNode menu = greeting.data().path("buttons");
            assertThat(menu.size()).isGreaterThanOrEqualTo(2);
            String complaint = menu.get(0).get(0).path("data").asText();
            assertThat(complaint).startsWith("go:");

            browser.post("{\"button\": \"" + complaint + "\", \"pressId\": \"p1\"}");
            assertThat(next(events, "message").data().path("text").asText()).isNotBlank();

            assertThat(rapport.count("SELECT count(*) FROM inbound_updates WHERE channel = 'webchat'"))
                    .isEqualTo(2);
            // The push happens before the outbox records the outcome, which it writes in batches.
            await().atMost(Duration.ofSeconds(10))
                    .untilAsserted(() -> assertThat(rapport.count(
                                    "SELECT count(*) FROM message_log WHERE channel = 'webchat' AND direction = 'out' "
                                            + "AND delivery_status = 'sent'"))
                            .isGreaterThanOrEqualTo(2));
        }
    }

    @Test
    void aReplyInFlightWhileTheBrowserConnectsIsShownOnce() throws Exception {
        // Two sends a second per chat, so the replies are still going out when the browser connects.
        try (var rapport = RunningRapport.start(Map.of("RATE_PER_CHAT", "2", "RATE_PER_CHAT_BURST", "1"))) {
            var browser = WebchatBrowser.open(rapport.url(""));
            String chatKey = rapport.database
                    .jdbi()
                    .withHandle(handle -> handle.createQuery("SELECT chat_key FROM webchat_sessions")
                            .mapTo(String.class)
                            .one());
            int helps = 6;
            for (int i = 0; i < helps; i++) {
                assertThat(browser.say("/help").statusCode()).isEqualTo(202);
            }
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> rapport.count(
                                    "SELECT count(*) FROM outbox WHERE channel = 'webchat' AND chat_key = ?", chatKey)
                            >= helps);
            BlockingQueue<Event> events = browser.listen();

            Event history = events.poll(10, TimeUnit.SECONDS);
            assertThat(history).as("the first event").isNotNull();
            assertThat(history.name()).isEqualTo("history");
            List<String> historyKeys = new ArrayList<>();
            for (JsonNode message : history.data()) {
                if (message.path("direction").asText().equals("out")) {
                    assertThat(message.path("key").asText())
                            .as("key of %s", message)
                            .isNotBlank();
                    historyKeys.add(message.path("key").asText());
                } else {
                    assertThat(message.has("key"))
                            .as("an inbound message has no key")
                            .isFalse();
                }
            }
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> rapport.count(
                                    "SELECT count(*) FROM outbox WHERE channel = 'webchat' AND chat_key = ? AND status <> 'sent'",
                                    chatKey)
                            == 0);
            List<String> liveKeys = new ArrayList<>();
            assertThat(events.poll(10, TimeUnit.SECONDS).name())
                    .as("the second event")
                    .isEqualTo("chat");
            for (Event event; (event = events.poll(1, TimeUnit.SECONDS)) != null; ) {
                assertThat(event.name()).isEqualTo("message");
                liveKeys.add(event.data().path("key").asText());
            }

            // The page shows the history, then each live reply whose key it has not shown yet.
            Set<String> shown = new LinkedHashSet<>(historyKeys);
            shown.addAll(liveKeys);
            List<String> outbox = rapport.database
                    .jdbi()
                    .withHandle(handle -> handle.createQuery(
                                    "SELECT dedup_key FROM outbox WHERE channel = 'webchat' AND chat_key = :key ORDER BY id")
                            .bind("key", chatKey)
                            .mapTo(String.class)
                            .list());
            assertThat(historyKeys).doesNotHaveDuplicates();
            assertThat(liveKeys).doesNotHaveDuplicates().doesNotContain("");
            assertThat(shown).containsExactlyElementsOf(outbox).hasSize(helps);
        }
    }

    @Test
    void afterTheLiveListenerLostItsConnectionOpenTabsGetTheirHistoryAgainAndRepliesKeepComing() throws Exception {
        try (var rapport = RunningRapport.start()) {
            var browser = WebchatBrowser.open(rapport.url(""));
            BlockingQueue<Event> events = browser.listen();
            next(events, "history");
            browser.say("/start");
            String greeting = next(events, "message").data().path("key").asText();

            // The database drops the instance's LISTEN connection (a restart, a failover).
            rapport.database
                    .jdbi()
                    .useHandle(handle ->
                            handle.createQuery("""
                    SELECT pg_terminate_backend(pid) FROM pg_stat_activity
                    WHERE application_name = 'rapport-live' AND datname = current_database()""").mapTo(Boolean.class).list());
            Event again = next(events, "history");
            assertThat(again.data().findValuesAsText("key")).contains(greeting);

            browser.say("/help");
            assertThat(next(events, "message").data().path("text").asText()).isNotBlank();
        }
    }

    @Test
    void badPostsGetAClearError() {
        try (var rapport = RunningRapport.start()) {
            var noSession = rapport.postJson("/chat/api/messages", "{\"text\": \"hi\"}");
            assertThat(noSession.statusCode()).isEqualTo(401);
            assertThat(noSession.body()).contains("open /chat first");
            var browser = WebchatBrowser.open(rapport.url(""));
            var notJson = browser.post("hello");
            assertThat(notJson.statusCode()).isEqualTo(400);
            var empty = browser.post("{}");
            assertThat(empty.statusCode()).isEqualTo(400);
            assertThat(empty.body()).contains("text");
        }
    }

    @Test
    void oversizedPostsAndWronglyTypedFieldsAreRefused() {
        try (var rapport = RunningRapport.start()) {
            var browser = WebchatBrowser.open(rapport.url(""));
            var tooLarge =
                    rapport.sendAnsweredEarly(HttpRequest.newBuilder(URI.create(rapport.url("/chat/api/messages")))
                            .header("Content-Type", "application/json")
                            .header("Cookie", browser.cookie)
                            .POST(HttpRequest.BodyPublishers.ofString("{\"text\": \"" + "a".repeat(20_000) + "\"}"))
                            .build());
            assertThat(tooLarge.statusCode()).isEqualTo(413);
            assertThat(tooLarge.body()).contains("bytes", "2000 characters");

            var tooLong = browser.say("b".repeat(2001));
            assertThat(tooLong.statusCode()).isEqualTo(413);
            assertThat(tooLong.body()).contains("'text' is limited to 2000 characters");

            var textNotString = browser.post("{\"text\": {\"a\": 1}}");
            assertThat(textNotString.statusCode()).isEqualTo(400);
            assertThat(textNotString.body()).contains("'text' must be a JSON string");

            var buttonNotString = browser.post("{\"button\": 7}");
            assertThat(buttonNotString.statusCode()).isEqualTo(400);
            assertThat(buttonNotString.body()).contains("'button' must be a JSON string");

            var notAnObject = browser.post("[1, 2]");
            assertThat(notAnObject.statusCode()).isEqualTo(400);

            assertThat(rapport.count("SELECT count(*) FROM inbound_updates WHERE channel = 'webchat'"))
                    .isZero();

            var noSession = rapport.send(HttpRequest.newBuilder(URI.create(rapport.url("/chat/api/events")))
                    .header("Accept", "text/event-stream")
                    .GET()
                    .build());
            assertThat(noSession.statusCode()).isEqualTo(401);
            assertThat(noSession.body()).contains("session");
        }
    }
}
