package dev.rapport.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.rapport.channel.webchat.WebchatTestAccess;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Buttons Rapport never showed are not Rapport's: a forged press neither starts a flow — least of
 * all one only Rapport starts — nor answers a question, on the web chat and on Telegram alike.
 */
class ForgedButtonsIT {

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
    void aForgedWebChatButtonStartsNoFlowAndRecordsNoSurveyAnswer() {
        // A visitor with a session the server issued, pressing buttons the page never showed.
        var browser = WebchatBrowser.open(rapport.url(""));
        String session = WebchatTestAccess.chatKeyOf(browser.cookie.substring(browser.cookie.indexOf('=') + 1));
        for (String data : new String[] {
            "go:complaint_resolved",
            "go:survey_complaint_followup",
            "a:survey_complaint_followup.csat:1",
            "go:complaint"
        }) {
            var posted = browser.post("{\"button\": \"" + data + "\", \"pressId\": \"p\"}");
            assertThat(posted.statusCode()).isEqualTo(202);
        }
        awaitProcessed("webchat", session, 4);

        assertForgedPressesDidNothing("webchat", session);
    }

    @Test
    void aForgedTelegramCallbackStartsNoFlowAndRecordsNoSurveyAnswer() {
        long chat = 88_001;
        long update = 880_000;
        for (String data : new String[] {
            "go:complaint_resolved",
            "go:survey_complaint_followup",
            "a:survey_complaint_followup.csat:1",
            "go:complaint"
        }) {
            assertThat(rapport.postUpdate(Updates.button(update++, chat, data, 1))
                            .statusCode())
                    .isEqualTo(200);
        }
        awaitProcessed("telegram", String.valueOf(chat), 4);

        assertForgedPressesDidNothing("telegram", String.valueOf(chat));
        // Every press is still answered, so the customer's spinner stops.
        await().atMost(Duration.ofSeconds(10))
                .until(() -> rapport.telegram.calls("answerCallbackQuery").stream()
                                .filter(call -> call.body()
                                        .path("callback_query_id")
                                        .asText()
                                        .startsWith("cb-88"))
                                .count()
                        == 4);
        assertThat(rapport.telegram.sentTexts(chat)).noneMatch(text -> text.contains("An update on your complaint"));
    }

    @Test
    void aButtonRapportShowedInTheChatStillWorks() {
        long chat = 88_002;
        rapport.say(chat, "/start", "en", 1);
        rapport.press(chat, "go:complaint", 2);
        assertThat(rapport.count(
                        "SELECT count(*) FROM events WHERE type = 'flow.started' AND chat_key = ? "
                                + "AND data->>'flow' = 'complaint'",
                        String.valueOf(chat)))
                .isEqualTo(1);
        // The same button, shown in another chat only, is not this chat's.
        long other = 88_003;
        rapport.postUpdate(Updates.button(rapport.nextUpdateId() + 1000, other, "go:complaint", 1));
        awaitProcessed("telegram", String.valueOf(other), 1);
        assertThat(rapport.count(
                        "SELECT count(*) FROM events WHERE type = 'flow.started' AND chat_key = ?",
                        String.valueOf(other)))
                .isZero();
    }

    private static void awaitProcessed(String channel, String chatKey, int count) {
        await().atMost(Duration.ofSeconds(20)).until(() -> rapport.count("""
                SELECT count(*) FROM inbound_updates WHERE channel = ? AND chat_key = ? AND status = 'processed'""", channel, chatKey) == count);
    }

    private static void assertForgedPressesDidNothing(String channel, String chatKey) {
        assertThat(rapport.count(
                        "SELECT count(*) FROM events WHERE type = 'flow.started' AND channel = ? AND chat_key = ?",
                        channel,
                        chatKey))
                .isZero();
        assertThat(rapport.count(
                        "SELECT count(*) FROM events WHERE type = 'turn.stale_button' AND channel = ? "
                                + "AND chat_key = ?",
                        channel,
                        chatKey))
                .isEqualTo(4);
        assertThat(rapport.count("SELECT count(*) FROM survey_answers")).isZero();
        assertThat(rapport.count("SELECT count(*) FROM survey_responses")).isZero();
        assertThat(rapport.count(
                        "SELECT count(*) FROM outbox WHERE channel = ? AND chat_key = ? "
                                + "AND reply::text LIKE '%update on your complaint%'",
                        channel, chatKey))
                .isZero();
        assertThat(rapport.count(
                        "SELECT count(*) FROM conversations WHERE channel = ? AND chat_key = ? "
                                + "AND flow IS NOT NULL",
                        channel,
                        chatKey))
                .isZero();
    }
}
