package dev.rapport.it;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Texts routed by what they mean, in English and Chinese, through the webhook and the fake Bot API. */
class UnderstandingIT {

    static RunningRapport rapport;

    @BeforeAll
    static void start() {
        rapport = RunningRapport.start();
    }

    @AfterAll
    static void stop() {
        rapport.close();
    }

    /** The chat's latest reply once it has received {@code total} messages in all. */
    static String reply(long chat, String text, String languageCode, int total) {
        var calls = rapport.say(chat, text, languageCode, total);
        return calls.get(calls.size() - 1).text();
    }

    static String storedIntent(long chat, String text) {
        return rapport.database
                .jdbi()
                .withHandle(handle -> handle.createQuery(
                                "SELECT intent || '/' || language || '/' || sentiment FROM messages WHERE chat_key = ? AND text = ?")
                        .bind(0, String.valueOf(chat))
                        .bind(1, text)
                        .mapTo(String.class)
                        .one());
    }

    @Test
    void aComplaintInEnglishStartsTheComplaintDialogue() {
        String text = "my food arrived cold and the driver was so rude, really disappointed";
        String answer = reply(201, text, "en", 2);
        assertThat(storedIntent(201, text)).isEqualTo("complaint/en/negative");
        assertThat(answer).contains("order or booking number"); // what happened is not asked again
    }

    @Test
    void aRefundRequestInChineseIsAnsweredInChinese() {
        String answer = reply(202, "我要退款", "en", 1);
        assertThat(storedIntent(202, "我要退款")).startsWith("refund/zh/");
        assertThat(answer).contains("退款");
        assertThat(rapport.count("SELECT count(*) FROM customers c JOIN channel_accounts a ON a.customer_id = c.id "
                        + "WHERE a.chat_key = '202' AND c.language = 'zh'"))
                .isEqualTo(1);
    }

    @Test
    void askingForAPersonInterruptsAQuestionThatTakesButtons() {
        reply(203, "/language", "en", 1);
        String answer = reply(203, "I want to talk to a real person", "en", 2);
        assertThat(answer).contains("staff");
        assertThat(rapport.count("SELECT count(*) FROM conversations WHERE chat_key = '203' AND flow IS NULL"))
                .isEqualTo(1);
        // The question left is kept, to continue once the person hands the chat back.
        assertThat(rapport.count("SELECT count(*) FROM paused_dialogues WHERE chat_key = '203' AND flow = 'language'"))
                .isEqualTo(1);
    }

    @Test
    void aGreetingShowsTheMenu() {
        String answer = reply(204, "你好", "zh-hans", 1);
        assertThat(answer).contains("你好");
        assertThat(rapport.telegram.calls("sendMessage").stream()
                        .filter(call -> call.chatId() == 204)
                        .findFirst()
                        .orElseThrow()
                        .body()
                        .path("reply_markup")
                        .path("inline_keyboard")
                        .size())
                .isEqualTo(2);
    }

    @Test
    void aStronglyNegativeMessageIsAnEscalationSignal() {
        reply(205, "This is the worst service ever!!! You are scammers, I am furious 😡😡", "en", 1);
        assertThat(rapport.count("""
                SELECT count(*) FROM conversations WHERE chat_key = '205' AND escalation_signaled_at IS NOT NULL
                AND escalation_reason LIKE 'strongly negative message%'""")).isEqualTo(1);
        assertThat(rapport.count("SELECT count(*) FROM events WHERE chat_key = '205' "
                        + "AND type = 'conversation.escalation_signal'"))
                .isEqualTo(1);
    }

    @Test
    void oddInputsGetASensibleAnswerAndNeverFailATurn() {
        long chat = 206;
        String[] odd = {"😀😀😀", "x".repeat(10_000), "我的order还没到", "مرحبا، أين طلبي؟", "he\u200Bllo\u200D", " "};
        for (int i = 0; i < odd.length; i++) {
            reply(chat, odd[i], "en", i + 1);
        }
        assertThat(rapport.count("SELECT count(*) FROM inbound_updates WHERE chat_key = '206' AND status = 'failed'"))
                .isZero();
        assertThat(rapport.count("SELECT count(*) FROM messages WHERE chat_key = '206' AND direction = 'in' "
                        + "AND intent IS NOT NULL AND language IN ('en', 'zh')"))
                .isEqualTo(odd.length);
    }
}
