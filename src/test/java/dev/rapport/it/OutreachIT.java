package dev.rapport.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.rapport.inbox.OutreachQueue;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Dialogues Rapport starts itself travel the chat's queue: once per key, in order, with their slots. */
class OutreachIT {

    static RunningRapport rapport;

    @BeforeAll
    static void start() {
        rapport = RunningRapport.start();
    }

    @AfterAll
    static void stop() {
        rapport.close();
    }

    private static long customerOf(long chat) {
        return rapport.count("SELECT customer_id FROM channel_accounts WHERE chat_key = ?", String.valueOf(chat));
    }

    private static boolean queue(String key, long customerId, String flow, Map<String, String> slots) {
        return rapport.database
                .jdbi()
                .inTransaction(handle -> new OutreachQueue().start(handle, key, customerId, flow, slots));
    }

    @Test
    void anOutreachStartsItsFlowInTheCustomersChatOnceWhateverHowOftenItIsQueued() {
        rapport.say(301, "/start", "zh-hans", 1);
        long customer = customerOf(301);

        assertThat(queue("test:help:301", customer, "help", Map.of())).isTrue();
        assertThat(queue("test:help:301", customer, "help", Map.of())).isFalse();

        var calls = rapport.awaitSent(301, 2);
        assertThat(calls.get(1).text()).contains("/language"); // the help text, in Chinese
        await().during(Duration.ofMillis(1500))
                .atMost(Duration.ofSeconds(3))
                .until(() -> rapport.telegram.sentTexts(301).size() == 2);
        assertThat(rapport.count("SELECT count(*) FROM events WHERE type = 'outreach.started' AND chat_key = '301'"))
                .isEqualTo(1);
        assertThat(rapport.count("SELECT count(*) FROM messages WHERE chat_key = '301' AND direction = 'in'"))
                .as("an outreach is not a message from the customer")
                .isEqualTo(1);
    }

    @Test
    void anOutreachStartsWithItsSlotsAndTheCustomerAnswersItsQuestion() {
        rapport.say(302, "/start", "en", 1);
        assertThat(queue("test:language:302", customerOf(302), "language", Map.of("origin", "test")))
                .isTrue();
        rapport.awaitSent(302, 2);
        assertThat(rapport.count("""
                SELECT count(*) FROM conversations
                WHERE chat_key = '302' AND flow = 'language' AND step = 'choose' AND slots ->> 'origin' = 'test'""")).isEqualTo(1);
        rapport.press(302, "a:language.choose:zh", 3);
        assertThat(rapport.telegram.sentTexts(302).get(2)).containsPattern("[\\u4e00-\\u9fff]");
    }

    @Test
    void aCustomerWithoutAReachableChatIsNotQueued() {
        rapport.say(303, "/start", "en", 1);
        long customer = customerOf(303);
        rapport.database
                .jdbi()
                .useHandle(handle ->
                        handle.execute("UPDATE channel_accounts SET unreachable_at = now() WHERE chat_key = '303'"));
        assertThat(queue("test:help:303", customer, "help", Map.of())).isFalse();
    }

    @Test
    void anOutreachDuringAnotherDialogueWaitsUntilThatDialogueEnds() {
        rapport.say(304, "/start", "en", 1);
        rapport.say(304, "/language", "en", 2); // waiting for the language button
        assertThat(queue("test:help:304", customerOf(304), "help", Map.of())).isTrue();
        await().atMost(Duration.ofSeconds(10))
                .until(() -> rapport.count(
                                "SELECT count(*) FROM events WHERE type = 'outreach.waiting' AND chat_key = '304'")
                        == 1);
        assertThat(rapport.telegram.sentTexts(304))
                .as("the question is not cut off")
                .hasSize(2);
        assertThat(rapport.count("SELECT count(*) FROM conversations WHERE chat_key = '304' AND flow = 'language'"))
                .isEqualTo(1);

        rapport.press(304, "a:language.choose:en", 4); // ends the language dialogue: the help follows
        var texts = rapport.telegram.sentTexts(304);
        assertThat(texts.get(3)).contains("/language");
        assertThat(rapport.count("""
                SELECT count(*) FROM events WHERE type = 'outreach.started' AND chat_key = '304'
                  AND (data ->> 'waited')::boolean""")).isEqualTo(1);
        assertThat(rapport.count(
                        "SELECT jsonb_array_length(waiting_outreach) FROM conversations WHERE chat_key = '304'"))
                .isZero();
    }

    @Test
    void aDialogueLeftIdleIsInterruptedByAnOutreach() {
        rapport.say(305, "/start", "en", 1);
        rapport.say(305, "/language", "en", 2);
        rapport.database
                .jdbi()
                .useHandle(handle -> handle.execute(
                        "UPDATE conversations SET updated_at = now() - interval '2 hours' WHERE chat_key = '305'"));
        assertThat(queue("test:help:305", customerOf(305), "help", Map.of())).isTrue();
        assertThat(rapport.awaitSent(305, 3))
                .last()
                .satisfies(call -> assertThat(call.text()).contains("/language"));
        assertThat(rapport.count("SELECT count(*) FROM events WHERE type = 'flow.interrupted' AND chat_key = '305'"))
                .isEqualTo(1);
    }
}
