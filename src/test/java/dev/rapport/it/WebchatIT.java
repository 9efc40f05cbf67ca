package dev.rapport.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The web chat over HTTP: the page, a post, the reply pushed as a server-sent event, a button press. */
class WebchatIT {

    static final ObjectMapper JSON = new ObjectMapper();

    record Event(String name, JsonNode data) {
    }

    @Test
    void aVisitorChatsThroughTheSameInboxEngineAndOutbox() throws Exception {
        try (var rapport = RunningRapport.start()) {
            var page = rapport.get("/chat");
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains("EventSource", "/chat/api/messages");

            String session = UUID.randomUUID().toString();
            BlockingQueue<Event> events = listen(rapport, session);
            assertThat(next(events, "history").data()).isEmpty();

            var posted = rapport.postJson("/chat/api/messages",
                    "{\"session\": \"" + session + "\", \"text\": \"/start\", \"language\": \"zh\", \"name\": \"小明\"}");
            assertThat(posted.statusCode()).isEqualTo(202);

            Event greeting = next(events, "message");
            assertThat(greeting.data().path("text").asText()).contains("小明");
            JsonNode menu = greeting.data().path("buttons");
            assertThat(menu.size()).isGreaterThanOrEqualTo(2);
            String complaint = menu.get(0).get(0).path("data").asText();
            assertThat(complaint).startsWith("go:");

            rapport.postJson("/chat/api/messages",
                    "{\"session\": \"" + session + "\", \"button\": \"" + complaint + "\", \"pressId\": \"p1\"}");
            assertThat(next(events, "message").data().path("text").asText()).isNotBlank();

            assertThat(rapport.count("SELECT count(*) FROM inbound_updates WHERE channel = 'webchat'")).isEqualTo(2);
            assertThat(rapport.count("SELECT count(*) FROM message_log WHERE channel = 'webchat' AND direction = 'out' "
                    + "AND delivery_status = 'sent'")).isGreaterThanOrEqualTo(2);
        }
    }

    @Test
    void badPostsGetAClearError() {
        try (var rapport = RunningRapport.start()) {
            var noSession = rapport.postJson("/chat/api/messages", "{\"text\": \"hi\"}");
            assertThat(noSession.statusCode()).isEqualTo(400);
            assertThat(noSession.body()).contains("session");
            var notJson = rapport.postJson("/chat/api/messages", "hello");
            assertThat(notJson.statusCode()).isEqualTo(400);
            var empty = rapport.postJson("/chat/api/messages", "{\"session\": \"" + UUID.randomUUID() + "\"}");
            assertThat(empty.statusCode()).isEqualTo(400);
            assertThat(empty.body()).contains("text");
        }
    }

    private static BlockingQueue<Event> listen(RunningRapport rapport, String session) {
        BlockingQueue<Event> events = new LinkedBlockingQueue<>();
        var request = HttpRequest.newBuilder(URI.create(rapport.url("/chat/api/events?session=" + session)))
                .header("Accept", "text/event-stream").GET().build();
        rapport.http().sendAsync(request, HttpResponse.BodyHandlers.ofInputStream()).thenAccept(response -> {
            try (var reader = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
                String name = null;
                for (String line; (line = reader.readLine()) != null; ) {
                    if (line.startsWith("event:")) {
                        name = line.substring(6).strip();
                    } else if (line.startsWith("data:")) {
                        events.add(new Event(name, JSON.readTree(line.substring(5).strip())));
                    }
                }
            } catch (Exception e) {
                // the stream ends when the test closes Rapport
            }
        });
        return events;
    }

    private static Event next(BlockingQueue<Event> events, String name) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            Event event = events.poll(100, TimeUnit.MILLISECONDS);
            if (event != null && name.equals(event.name())) {
                return event;
            }
        }
        throw new AssertionError("no '" + name + "' event within 10 s");
    }
}
