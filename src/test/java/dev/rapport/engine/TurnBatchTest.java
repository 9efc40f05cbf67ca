package dev.rapport.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.channel.Content;
import dev.rapport.domain.Language;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Turns of one inbox batch: what is read ahead serves a chat's first turn only while it is still current. */
class TurnBatchTest {

    private final EngineHarness engine = new EngineHarness();

    @AfterEach
    void close() {
        engine.close();
    }

    @Test
    void aChatOfACustomerAnEarlierTurnOfTheBatchChangedReadsTheCustomerAgain() {
        engine.command(21, "help");
        engine.command(22, "help");
        engine.database.jdbi().useHandle(handle -> handle.execute("""
                UPDATE channel_accounts SET customer_id = (SELECT customer_id FROM channel_accounts WHERE chat_key = '21')
                WHERE chat_key = '22'"""));
        engine.reads("你好，我想问一下", null, Language.ZH);

        // Chat 21's turn sets the customer's language; chat 22 (the same customer) was read ahead before it.
        var answers = engine.batch(
                List.of(Map.entry(21L, new Content.Text("你好，我想问一下")), Map.entry(22L, new Content.Command("help", ""))));

        assertThat(answers.get(1).texts().get(0)).containsPattern("[\\u4e00-\\u9fff]");
    }

    @Test
    void theCustomersMessageIsLoggedBeforeTheRepliesOfItsTurnAlsoWhenHeldToTheBatchEnd() {
        engine.batch(List.of(
                Map.entry(31L, new Content.Command("help", "")),
                Map.entry(32L, new Content.Command("help", "")),
                Map.entry(31L, new Content.Command("start", ""))));

        List<String> log = engine.database
                .jdbi()
                .withHandle(
                        handle -> handle.createQuery("""
                                        SELECT direction || ':' || CASE WHEN direction = 'in' THEN text ELSE kind END
                                        FROM messages WHERE chat_key = '31' ORDER BY id""").mapTo(String.class).list());
        assertThat(log).containsExactly("in:/help", "out:text", "in:/start", "out:text");
    }
}
