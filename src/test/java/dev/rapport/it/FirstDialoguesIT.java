package dev.rapport.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The first real dialogues through the webhook and the fake Bot API: /start, /language, /stop, fallbacks. */
class FirstDialoguesIT {

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
    void startGreetsInChineseWhenTelegramSaysTheCustomerReadsChinese() {
        var calls = rapport.say(101, "/start", "zh-hans", 1);
        var greeting = calls.get(calls.size() - 1);
        assertThat(greeting.text()).contains("你好");
        var keyboard = greeting.body().path("reply_markup").path("inline_keyboard");
        assertThat(keyboard.size()).isEqualTo(2);
        assertThat(keyboard.get(0).get(0).path("callback_data").asText()).isEqualTo("go:complaint");
    }

    @Test
    void startGreetsInEnglishOtherwiseAndTheMenuSaysHonestlyWhatIsNotThereYet() {
        rapport.say(102, "/start", "it", 1);
        assertThat(rapport.telegram.sentTexts(102).get(0)).contains("Hi Ada");
        rapport.press(102, "go:offers", 2);
        assertThat(rapport.telegram.sentTexts(102).get(1))
                .contains("nothing for you right now"); // a new, small customer
        assertThat(rapport.telegram.calls("answerCallbackQuery")).isNotEmpty();
    }

    @Test
    void stopOptsOutAndStartOptsBackIn() {
        rapport.say(103, "/stop", "en", 1);
        assertThat(rapport.count("""
                SELECT count(*) FROM customers c JOIN channel_accounts a ON a.customer_id = c.id
                WHERE a.chat_key = '103' AND c.opted_out_at IS NOT NULL""")).isEqualTo(1);
        rapport.say(103, "/start", "en", 2);
        assertThat(rapport.count("""
                SELECT count(*) FROM customers c JOIN channel_accounts a ON a.customer_id = c.id
                WHERE a.chat_key = '103' AND c.opted_out_at IS NULL""")).isEqualTo(1);
        assertThat(rapport.count("SELECT count(*) FROM events WHERE chat_key = '103' AND type IN "
                        + "('customer.opted_out', 'customer.opted_in')"))
                .isEqualTo(2);

        // Saying hello after /stop shows the menu but does not opt back in: only /start does.
        rapport.say(103, "/stop", "en", 3);
        rapport.say(103, "hello", "en", 4);
        assertThat(rapport.telegram.sentTexts(103).get(3)).contains("How can I help");
        assertThat(rapport.count("""
                SELECT count(*) FROM customers c JOIN channel_accounts a ON a.customer_id = c.id
                WHERE a.chat_key = '103' AND c.opted_out_at IS NOT NULL""")).isEqualTo(1);
    }

    @Test
    void languageIsChosenWithButtonsAndKept() {
        var question = rapport.say(104, "/language", "en", 1);
        var options = question.get(question.size() - 1)
                .body()
                .path("reply_markup")
                .path("inline_keyboard")
                .get(0);
        String chinese = options.get(1).path("callback_data").asText();
        assertThat(chinese).isEqualTo("a:language.choose:zh");
        rapport.press(104, chinese, 2);
        assertThat(rapport.telegram.sentTexts(104).get(1)).containsPattern("\\p{IsHan}");
        rapport.say(104, "/help", "en", 3);
        assertThat(rapport.telegram.sentTexts(104).get(2)).containsPattern("\\p{IsHan}");
    }

    @Test
    void aButtonFromAnEarlierQuestionIsAnsweredAndTheCurrentQuestionRepeated() {
        rapport.say(105, "/language", "en", 1);
        int answersBefore = rapport.telegram.calls("answerCallbackQuery").size();
        rapport.press(105, "a:language.old_step:zh", 2);
        await().atMost(Duration.ofSeconds(5))
                .until(() -> rapport.telegram.calls("answerCallbackQuery").size() > answersBefore);
        var answer = rapport.telegram.calls("answerCallbackQuery").stream()
                .filter(call ->
                        call.body().path("callback_query_id").asText().equals("cb-" + (rapport.nextUpdateId() - 1)))
                .findFirst()
                .orElseThrow();
        assertThat(answer.body().path("text").asText()).contains("earlier question");
        assertThat(rapport.telegram.sentTexts(105).get(1))
                .isEqualTo(rapport.telegram.sentTexts(105).get(0));
        assertThat(rapport.count("SELECT count(*) FROM events WHERE chat_key = '105' AND type = 'turn.stale_button'"))
                .isEqualTo(1);
    }

    @Test
    void aValueTheQuestionDidNotOfferIsNotTakenAsAnAnswer() {
        rapport.say(108, "/language", "en", 1);
        rapport.press(108, "a:language.choose:fr", 2);
        assertThat(rapport.telegram.sentTexts(108).get(1))
                .isEqualTo(rapport.telegram.sentTexts(108).get(0));
        assertThat(rapport.count("SELECT count(*) FROM customers c JOIN channel_accounts a ON a.customer_id = c.id "
                        + "WHERE a.chat_key = '108' AND c.language_chosen"))
                .isZero();
    }

    @Test
    void twoMessagesInARowNotUnderstoodOfferAPerson() {
        rapport.say(106, "qwertyuiop", "en", 1);
        rapport.say(106, "asdfghjkl", "en", 2);
        var texts = rapport.telegram.sentTexts(106);
        assertThat(texts.get(0)).contains("didn't understand");
        assertThat(texts.get(1)).contains("talk to a person");
    }

    @Test
    void everyMessageInAndOutIsLogged() {
        rapport.say(107, "/help", "en", 1);
        await().atMost(Duration.ofSeconds(5))
                .until(() -> rapport.count(
                                "SELECT count(*) FROM message_log WHERE chat_key = '107' AND direction = 'out' AND delivery_status = 'sent'")
                        == 1);
        assertThat(rapport.count("""
                SELECT count(*) FROM message_log WHERE chat_key = '107' AND direction = 'in' AND kind = 'command'
                AND text = '/help' AND customer_id IS NOT NULL""")).isEqualTo(1);
        assertThat(rapport.count("SELECT count(*) FROM config_loads")).isGreaterThanOrEqualTo(1);
    }
}
