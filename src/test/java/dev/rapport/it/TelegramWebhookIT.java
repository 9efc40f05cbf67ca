package dev.rapport.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The webhook edge against a running Rapport: secret, size, malformed bodies, duplicates, unknown types. */
class TelegramWebhookIT {

    static RunningRapport rapport;

    @BeforeAll
    static void start() {
        rapport = RunningRapport.start();
    }

    @AfterAll
    static void stop() {
        rapport.close();
    }

    @Test
    void aWrongOrMissingSecretIsRefusedAndNothingIsStored() {
        long before = rapport.count("SELECT count(*) FROM inbound_updates");
        assertThat(rapport.postUpdate(Updates.text(9001, 501, "hi"), "wrong-secret")
                        .statusCode())
                .isEqualTo(401);
        assertThat(rapport.postUpdate(Updates.text(9002, 501, "hi"), null).statusCode())
                .isEqualTo(401);
        assertThat(rapport.postUpdate(Updates.text(9003, 501, "hi"), RunningRapport.SECRET + "x")
                        .statusCode())
                .isEqualTo(401);
        assertThat(rapport.count("SELECT count(*) FROM inbound_updates")).isEqualTo(before);
    }

    @Test
    void malformedJsonIsStoredAsRejectedAndAnswered200() {
        var response = rapport.postUpdate("{\"update_id\": 12, \"message\": ");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(rapport.count("""
                SELECT count(*) FROM inbound_updates WHERE status = 'rejected' AND raw_body LIKE '{"update_id": 12%'
                AND reason LIKE 'body is not JSON%'""")).isEqualTo(1);
        assertThat(rapport.get("/healthz").statusCode()).isEqualTo(200);

        rapport.postUpdate(Updates.text(9010, 502, "/start"));
        rapport.telegram.awaitCalls("sendMessage", 1, Duration.ofSeconds(10));
        assertThat(rapport.telegram.sentTexts(502)).isNotEmpty();
    }

    @Test
    void anUpdateWithoutUpdateIdIsKeptAndExplained() {
        assertThat(rapport.postUpdate("{\"message\": {\"text\": \"hi\"}}").statusCode())
                .isEqualTo(200);
        assertThat(rapport.count("""
                SELECT count(*) FROM inbound_updates WHERE status = 'rejected' AND payload->'message'->>'text' = 'hi'
                AND reason = 'update_id is missing or not an integer'""")).isEqualTo(1);
    }

    @Test
    void aBodyOverTheLimitGets413AndIsNotStored() {
        long before = rapport.count("SELECT count(*) FROM inbound_updates");
        String huge = Updates.text(9020, 503, "x".repeat(1_100_000));
        var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(rapport.url("/telegram/webhook")))
                .header("Content-Type", "application/json")
                .header("X-Telegram-Bot-Api-Secret-Token", RunningRapport.SECRET)
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(huge))
                .build();
        assertThat(rapport.sendAnsweredEarly(request).statusCode()).isEqualTo(413);
        assertThat(rapport.count("SELECT count(*) FROM inbound_updates")).isEqualTo(before);
    }

    @Test
    void theSameUpdateDeliveredTwiceIsAnsweredOnce() {
        String update = Updates.text(9030, 504, "/help");
        assertThat(rapport.postUpdate(update).statusCode()).isEqualTo(200);
        assertThat(rapport.postUpdate(update).statusCode()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> !rapport.telegram.sentTexts(504).isEmpty());
        rapport.postUpdate(update);
        sleep(700);
        assertThat(rapport.telegram.sentTexts(504)).hasSize(1);
        assertThat(rapport.count("SELECT count(*) FROM inbound_updates WHERE update_id = 9030"))
                .isEqualTo(1);
    }

    @Test
    void anUpdateIdTelegramReusesForANewUpdateIsStoredAndAnsweredToo() {
        // After a week without updates Telegram picks ids at random: an old id can come back on a new update.
        rapport.postUpdate(Updates.text(9035, 506, "/help"));
        await().atMost(Duration.ofSeconds(10))
                .until(() -> rapport.telegram.sentTexts(506).size() == 1);
        rapport.postUpdate(Updates.text(9035, 506, "/language"));
        await().atMost(Duration.ofSeconds(10))
                .until(() -> rapport.telegram.sentTexts(506).size() == 2);
        assertThat(rapport.count("SELECT count(*) FROM inbound_updates WHERE update_id = 9035"))
                .isEqualTo(2);
    }

    @Test
    void anUpdateTypeRapportDoesNotHandleIsStoredAsIgnored() {
        String poll = """
                {"update_id": 9040, "poll": {"id": "1", "question": "?", "options": [], "total_voter_count": 0,
                 "is_closed": false, "is_anonymous": true, "type": "regular", "allows_multiple_answers": false}}""";
        assertThat(rapport.postUpdate(poll).statusCode()).isEqualTo(200);
        assertThat(rapport.count("""
                SELECT count(*) FROM inbound_updates WHERE update_id = 9040 AND status = 'ignored'
                AND reason = 'update type not handled: poll'""")).isEqualTo(1);
    }

    @Test
    void aButtonPressIsAlwaysAnsweredEvenFromAnOldMessage() {
        rapport.postUpdate(Updates.button(9050, 505, "a:language.choose:zh", 1));
        var answers = rapport.telegram.awaitCalls("answerCallbackQuery", 1, Duration.ofSeconds(10));
        assertThat(answers)
                .anySatisfy(
                        call -> assertThat(call.body().path("callback_query_id").asText())
                                .isEqualTo("cb-9050"));
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
