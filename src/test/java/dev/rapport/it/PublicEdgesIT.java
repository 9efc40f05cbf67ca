package dev.rapport.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What the public edges answer to input no honest client sends and while the database is down:
 * a 4xx naming the problem or a 503 to come back later, never a 500 or an update stored pending.
 */
class PublicEdgesIT {

    static final String TOKEN = "edge-token-1234567890";
    static RunningRapport rapport;

    @BeforeAll
    static void start() {
        rapport = RunningRapport.start(Map.of("RAPPORT_API_TOKEN", TOKEN));
    }

    @AfterAll
    static void stop() {
        rapport.close();
    }

    HttpResponse<String> api(String body) {
        return api(rapport, body);
    }

    static HttpResponse<String> api(RunningRapport rapport, String body) {
        return rapport.send(HttpRequest.newBuilder(URI.create(rapport.url("/api/purchases")))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + TOKEN)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build());
    }

    @Test
    void jsonNestedThousandsDeepToTheApiIsABadRequest() {
        String deep = "[".repeat(5000) + "]".repeat(5000);
        var response = api(deep);
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("not JSON");
        String deepObject = "{\"a\":".repeat(5000) + "1" + "}".repeat(5000);
        assertThat(api(deepObject).statusCode()).isEqualTo(400);
    }

    @Test
    void aChatIdTelegramCouldNotHaveSentIsRejectedAtIntakeWithTheReason() {
        List<String> oddIds =
                List.of("{\"x\": 1}", "[1, 2]", "\"12345\"", "1e400", "1.5", "123456789012345678901234567890");
        long updateId = 9_100;
        for (String chatId : oddIds) {
            String update = """
                    {"update_id": %d, "message": {"message_id": 1, "date": 1700000000,
                      "from": {"id": 5, "is_bot": false, "first_name": "Ada"},
                      "chat": {"id": %s, "type": "private"}, "text": "hello"}}""".formatted(updateId, chatId);
            assertThat(rapport.postUpdate(update).statusCode()).as(chatId).isEqualTo(200);
            assertThat(rapport.count(
                            "SELECT count(*) FROM inbound_updates WHERE update_id = ? AND status = 'rejected'"
                                    + " AND reason LIKE 'chat.id is not an integer%'",
                            updateId))
                    .as(chatId)
                    .isEqualTo(1);
            updateId++;
        }
        String buttonFromOddUser = """
                {"update_id": %d, "callback_query": {"id": "q", "chat_instance": "1",
                  "from": {"id": {"nested": true}, "is_bot": false, "first_name": "Ada"}, "data": "go:help"}}""".formatted(updateId);
        assertThat(rapport.postUpdate(buttonFromOddUser).statusCode()).isEqualTo(200);
        assertThat(rapport.count(
                        "SELECT count(*) FROM inbound_updates WHERE update_id = ? AND status = 'rejected'"
                                + " AND reason LIKE 'from.id is not an integer%'",
                        updateId))
                .isEqualTo(1);
        assertThat(rapport.count(
                        "SELECT count(*) FROM inbound_updates WHERE update_id >= 9100 AND status <> 'rejected'"))
                .isZero();
    }

    @Test
    void whileTheDatabaseIsDownTheWebChatAndTheApiAnswer503WithRetryAfter() {
        // Its own Rapport, so taking its database away disturbs no other test.
        try (var rapport = RunningRapport.start(Map.of("RAPPORT_API_TOKEN", TOKEN))) {
            databaseDown(rapport);
        }
    }

    private void databaseDown(RunningRapport rapport) {
        var browser = WebchatBrowser.open(rapport.url("")); // a visitor with a session, before the outage
        String database = rapport.database
                .jdbi()
                .withHandle(handle -> handle.createQuery("SELECT current_database()")
                        .mapTo(String.class)
                        .one());
        try (var admin = dev.rapport.store.Database.connect(dev.rapport.store.TestDatabase.adminUrl(), 1)) {
            admin.jdbi().useHandle(handle -> {
                handle.execute("ALTER DATABASE " + database + " ALLOW_CONNECTIONS false");
                handle.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = ?", database);
            });
            try {
                for (int i = 0; i < 2; i++) {
                    var chat = browser.say("hello");
                    assertThat(chat.statusCode())
                            .as("web chat post %d: %s", i, chat.body())
                            .isEqualTo(503);
                    assertThat(chat.headers().firstValue("Retry-After")).isPresent();
                }
                var purchase = api(
                        rapport,
                        "{\"external_id\": \"p1\", \"customer_external_id\": \"c1\", \"amount\": 10, \"purchased_at\": \"2026-01-01T00:00:00Z\"}");
                assertThat(purchase.statusCode()).as(purchase.body()).isEqualTo(503);
                assertThat(purchase.headers().firstValue("Retry-After")).isPresent();
            } finally {
                admin.jdbi()
                        .useHandle(handle -> handle.execute("ALTER DATABASE " + database + " ALLOW_CONNECTIONS true"));
            }
        }
        await().atMost(Duration.ofSeconds(15)).until(() -> browser.say("hello").statusCode() == 202);
    }
}
