package dev.rapport.channel.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The fake Bot API's flood limits answer like Telegram: 429 with {@code parameters.retry_after}. */
class FakeFloodLimitsTest {

    private final FakeTelegramApi telegram = new FakeTelegramApi().start();
    private final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void close() {
        telegram.close();
    }

    @Test
    void aChatGetsItsBurstThenIsToldHowLongToWait() throws Exception {
        // Telegram's shape with a slow refill (one per 10 s), so a busy machine's slow calls earn no token back.
        telegram.enforce(new FloodLimits(0.1, 3, 1000, 1000, 20, Duration.ZERO));
        for (int i = 0; i < 3; i++) {
            assertThat(send(1, "hello " + i).path("ok").asBoolean()).isTrue();
        }
        JsonNode refused = send(1, "one too many");
        assertThat(refused.path("error_code").asInt()).isEqualTo(429);
        assertThat(refused.path("parameters").path("retry_after").asInt()).isBetween(1, 10);
        assertThat(send(2, "another chat is not held").path("ok").asBoolean()).isTrue();
        assertThat(telegram.floodRefusals()).isEqualTo(1);
        assertThat(telegram.calls("sendMessage"))
                .filteredOn(call -> call.status() == 429)
                .hasSize(1);
    }

    @Test
    void theBotAsAWholeIsHeldToItsRate() throws Exception {
        telegram.enforce(new FloodLimits(100, 100, 0.1, 5, 20, Duration.ZERO));
        for (int chat = 1; chat <= 5; chat++) {
            assertThat(send(chat, "hi").path("ok").asBoolean()).isTrue();
        }
        assertThat(send(6, "hi").path("error_code").asInt()).isEqualTo(429);
    }

    @Test
    void aGroupTakesTwentyPostsAMinute() throws Exception {
        telegram.enforce(new FloodLimits(100, 100, 1000, 1000, 20, Duration.ZERO));
        for (int i = 0; i < 20; i++) {
            assertThat(send(-100, "post " + i).path("ok").asBoolean()).isTrue();
        }
        JsonNode refused = send(-100, "post 21");
        assertThat(refused.path("error_code").asInt()).isEqualTo(429);
        assertThat(refused.path("parameters").path("retry_after").asInt()).isBetween(55, 60);
        telegram.enforce(null);
        assertThat(send(-100, "limits off").path("ok").asBoolean()).isTrue();
    }

    private JsonNode send(long chat, String text) throws Exception {
        var body = "{\"chat_id\":" + chat + ",\"text\":\"" + text + "\"}";
        var response = http.send(
                HttpRequest.newBuilder(URI.create(telegram.baseUrl() + "/bot" + FakeTelegramApi.TOKEN + "/sendmessage"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        return dev.rapport.store.Json.mapper().readTree(response.body());
    }
}
