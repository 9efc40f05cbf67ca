package dev.rapport.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Property: whatever a client sends to the Telegram webhook, the web chat or the business API, the
 * answer is 2xx or 4xx, never 5xx; every update Telegram could deliver ends processed, rejected or
 * ignored — never failed; and afterwards the server is healthy and still answers a customer. Inputs
 * come from a seeded generator ({@link JsonMutator}; set {@code -Dfuzz.seed} to replay a run) and
 * a failing input is shrunk before it is reported.
 */
class PublicInputFuzzIT {

    static final long SEED = Long.getLong("fuzz.seed", 20261206L);
    static final String TOKEN = "fuzz-token-1234567890";
    static RunningRapport rapport;

    @BeforeAll
    static void start() {
        rapport = RunningRapport.start(Map.of("RAPPORT_API_TOKEN", TOKEN));
    }

    @AfterAll
    static void stop() {
        rapport.close();
    }

    @Test
    void theTelegramWebhookAnswersAnyBodyWithoutAServerErrorAndNoUpdateFails() throws Exception {
        List<String> seeds = new ArrayList<>(List.of(
                Updates.text(1, 4242, "/start"), Updates.button(2, 4242, "go:complaint", 1),
                Updates.photo(3, 4242, "file", "caption", "en"),
                        Updates.contact(4, 4242, "+447700900000", 4242L, "en")));
        try (Stream<Path> files = Files.list(Path.of("src/test/resources/telegram-updates"))) {
            for (Path file : files.filter(path -> path.toString().endsWith(".json"))
                    .sorted()
                    .toList()) {
                seeds.add(Files.readString(file));
            }
        }
        var mutator = new JsonMutator(SEED);
        for (int i = 0; i < 400; i++) {
            String body = mutator.body(seeds.get(i % seeds.size()));
            assertNoServerError(
                    "webhook", body, candidate -> rapport.postUpdate(candidate).statusCode());
        }
        await().atMost(Duration.ofSeconds(60))
                .until(() -> rapport.count("SELECT count(*) FROM inbound_updates WHERE status = 'pending'") == 0);
        List<String> failed = rapport.database
                .jdbi()
                .withHandle(handle -> handle.createQuery(
                                "SELECT reason || ' <- ' || left(coalesce(payload::text, raw_body), 300) FROM inbound_updates "
                                        + "WHERE status = 'failed' OR attempts > 1 LIMIT 5")
                        .mapTo(String.class)
                        .list());
        assertThat(failed).as("updates whose turn failed (seed %d)", SEED).isEmpty();
        assertHealthy();
    }

    @Test
    void theWebChatAnswersAnyPostWithoutAServerError() {
        String valid = "{\"session\": \"0123456789abcdef0123\", \"text\": \"hello\", \"button\": null, "
                + "\"pressId\": \"p1\", \"language\": \"en\", \"name\": \"Ada\"}";
        var mutator = new JsonMutator(SEED + 1);
        for (int i = 0; i < 300; i++) {
            String body = mutator.body(
                    i % 2 == 0
                            ? valid
                            : valid.replace("\"text\": \"hello\", \"button\": null", "\"button\": \"go:complaint\""));
            assertNoServerError(
                    "web chat",
                    body,
                    candidate ->
                            rapport.postJson("/chat/api/messages", candidate).statusCode());
        }
        assertHealthy();
    }

    @Test
    void theBusinessApiAnswersAnyBodyWithoutAServerError() {
        String valid = "{\"external_id\": \"p1\", \"customer_external_id\": \"c1\", \"amount\": 10.5, "
                + "\"purchased_at\": \"2026-01-01T00:00:00Z\", \"currency\": \"EUR\", \"margin\": 2}";
        var mutator = new JsonMutator(SEED + 2);
        for (int i = 0; i < 200; i++) {
            String body = mutator.body(i % 3 == 0 ? "[" + valid + "]" : valid);
            assertNoServerError(
                    "api",
                    body,
                    candidate -> rapport.send(HttpRequest.newBuilder(URI.create(rapport.url("/api/purchases")))
                                    .header("Authorization", "Bearer " + TOKEN)
                                    .header("Content-Type", "application/json")
                                    .POST(HttpRequest.BodyPublishers.ofString(candidate))
                                    .build())
                            .statusCode());
        }
        assertHealthy();
    }

    private static void assertNoServerError(String edge, String body, java.util.function.ToIntFunction<String> post) {
        Predicate<String> serverError = candidate -> post.applyAsInt(candidate) >= 500;
        if (serverError.test(body)) {
            String smallest = JsonMutator.shrink(body, serverError);
            throw new AssertionError(edge + " answered 5xx (seed " + SEED + ") to " + abbreviate(smallest)
                    + "\n(original: " + abbreviate(body) + ")");
        }
    }

    private static String abbreviate(String text) {
        return text.length() > 500 ? text.substring(0, 500) + "…(" + text.length() + " chars)" : text;
    }

    /** Alive, ready, and a new customer is still answered. */
    private static void assertHealthy() {
        assertThat(rapport.get("/healthz").statusCode()).isEqualTo(200);
        assertThat(rapport.get("/readyz").statusCode()).isEqualTo(200);
        long chat = 7_000_000 + (System.nanoTime() % 1000);
        assertThat(rapport.postUpdate(Updates.text(900_000_000L + chat, chat, "/start"))
                        .statusCode())
                .isEqualTo(200);
        await().atMost(Duration.ofSeconds(20))
                .until(() -> !rapport.telegram.sentTexts(chat).isEmpty());
    }
}
