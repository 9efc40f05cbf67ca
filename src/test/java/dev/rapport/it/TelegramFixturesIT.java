package dev.rapport.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every real Telegram update collected in {@code telegram-updates/} (see SOURCES.md there), posted
 * to the webhook one at a time: each is answered 2xx and stored, nothing crashes, and the private
 * chat texts and commands among them get a reply.
 */
class TelegramFixturesIT {

    static final Path FIXTURES = Path.of("src/test/resources/telegram-updates");
    static final ObjectMapper JSON = dev.rapport.store.Json.mapper();
    static RunningRapport rapport;

    @BeforeAll
    static void start() {
        rapport = RunningRapport.start();
    }

    @AfterAll
    static void stop() {
        rapport.close();
    }

    static Stream<Path> fixtures() throws IOException {
        return Files.list(FIXTURES)
                .filter(path -> path.toString().endsWith(".json"))
                .sorted();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void isStoredAndHandled(Path fixture) throws IOException {
        // Several collected samples share an update_id; each starts from an empty inbox.
        rapport.database
                .jdbi()
                .useHandle(handle ->
                        handle.execute("TRUNCATE inbound_updates, messages, outbox, conversations, events CASCADE"));
        String body = Files.readString(fixture);
        JsonNode update = JSON.readTree(body);
        int callsBefore = rapport.telegram.calls("sendMessage").size();

        assertThat(rapport.postUpdate(body).statusCode()).isBetween(200, 299);

        assertThat(rapport.count("SELECT count(*) FROM inbound_updates")).isEqualTo(1);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> rapport.count("SELECT count(*) FROM inbound_updates WHERE status = 'pending'") == 0);
        assertThat(rapport.count("SELECT count(*) FROM inbound_updates WHERE status = 'failed'"))
                .isZero();
        if (update.path("update_id").isIntegralNumber()) {
            assertThat(rapport.count(
                            "SELECT count(*) FROM inbound_updates WHERE update_id = ?",
                            update.get("update_id").asLong()))
                    .isEqualTo(1);
        }

        JsonNode message = update.path("message");
        if ("private".equals(message.path("chat").path("type").asText()) && message.has("text")) {
            long chat = message.path("chat").path("id").asLong();
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> !rapport.telegram.sentTexts(chat).isEmpty()
                            && rapport.telegram.calls("sendMessage").size() > callsBefore);
        }
        assertThat(rapport.get("/healthz").statusCode()).isEqualTo(200);
    }
}
