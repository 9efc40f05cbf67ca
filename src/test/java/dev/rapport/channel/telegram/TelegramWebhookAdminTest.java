package dev.rapport.channel.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TelegramWebhookAdminTest {

    private final FakeTelegramApi telegram = new FakeTelegramApi().start();
    private final TelegramWebhookAdmin admin = new TelegramWebhookAdmin(TelegramSenderTest.config(telegram.baseUrl()));

    @AfterEach
    void stop() {
        admin.close();
        telegram.close();
    }

    @Test
    void setRegistersTheWebhookPathWithSecretAndAllowedUpdatesAndNeverDropsPendingUpdates() {
        admin.set("https://rapport.example/", "s3cret_-Token", List.of("message", "callback_query"));

        var call = telegram.calls("setWebhook").get(0);
        assertThat(call.body().path("url").asText()).isEqualTo("https://rapport.example/telegram/webhook");
        assertThat(call.body().path("secret_token").asText()).isEqualTo("s3cret_-Token");
        assertThat(call.body().path("max_connections").asInt()).isEqualTo(40);
        assertThat(call.body().path("allowed_updates").toString()).isEqualTo("[\"message\",\"callback_query\"]");
        assertThat(call.body().path("drop_pending_updates").asText("false")).isEqualTo("false");

        var status = admin.info();
        assertThat(status.url()).isEqualTo("https://rapport.example/telegram/webhook");
        assertThat(status.maxConnections()).isEqualTo(40);
        assertThat(status.allowedUpdates()).containsExactly("message", "callback_query");
        assertThat(status.toString()).contains("url: https://rapport.example/telegram/webhook");
    }

    @Test
    void deleteKeepsPendingUpdates() {
        admin.set("https://rapport.example", "secret", null);

        admin.delete();

        var call = telegram.calls("deleteWebhook").get(0);
        assertThat(call.body().path("drop_pending_updates").asBoolean(false)).isFalse();
        assertThat(admin.info().url()).isEmpty();
    }

    @Test
    void aBadSecretIsRefusedBeforeCallingTelegram() {
        assertThatThrownBy(() -> admin.set("https://rapport.example", "has spaces", null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("TELEGRAM_WEBHOOK_SECRET");
        assertThatThrownBy(() -> admin.set("http://rapport.example", "secret", null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("PUBLIC_URL");
        assertThat(telegram.calls()).isEmpty();
    }

    @Test
    void aTelegramErrorSaysWhatFailed() {
        telegram.failNext(1, 400, "Bad Request: bad webhook: Failed to resolve host");

        assertThatThrownBy(() -> admin.set("https://nowhere.example", "secret", null))
                .isInstanceOf(TelegramCallException.class)
                .hasMessageContaining("setWebhook to https://nowhere.example/telegram/webhook failed")
                .hasMessageContaining("Failed to resolve host");
    }
}
