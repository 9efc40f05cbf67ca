package dev.rapport.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.channel.Button;
import dev.rapport.channel.Reply;
import dev.rapport.store.Database;
import dev.rapport.store.TestDatabase;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class OutboxTest {

    private final Database database = TestDatabase.fresh();

    @AfterEach
    void closeDatabase() {
        database.close();
    }

    @Test
    void theSameKeyWrittenTwiceIsOneRow() {
        var outgoing =
                new Outgoing("telegram:42:update:7:0", "telegram", "42", null, new Reply.Text("Hello", List.of()));

        int first = database.jdbi().inTransaction(handle -> Outbox.enqueue(handle, outgoing));
        int second = database.jdbi().inTransaction(handle -> Outbox.enqueue(handle, outgoing));

        assertThat(first).isEqualTo(1);
        assertThat(second).isZero();
        assertThat(count()).isEqualTo(1);
    }

    @Test
    void aRolledBackTurnLeavesNoRow() {
        var outgoing = new Outgoing("k1", "telegram", "42", null, new Reply.Text("Hello", List.of()));

        try {
            database.jdbi().useTransaction(handle -> {
                Outbox.enqueue(handle, outgoing);
                throw new IllegalStateException("the turn failed");
            });
        } catch (IllegalStateException expected) {
            // the turn's transaction is rolled back
        }

        assertThat(count()).isZero();
    }

    @Test
    void aLongTextBecomesNumberedRowsInOrderWithButtonsOnTheLast() {
        String text = TextSplitterTest.prose(10_000, new Random(3));
        var buttons = List.of(List.of(new Button("Yes", "y"), new Button("No", "n")));
        var outgoing = new Outgoing("long", "telegram", "42", null, new Reply.Text(text, buttons));

        int inserted = database.jdbi().inTransaction(handle -> Outbox.enqueue(handle, outgoing));
        int again = database.jdbi().inTransaction(handle -> Outbox.enqueue(handle, outgoing));

        List<StoredRow> rows = database.jdbi()
                .withHandle(handle -> handle.createQuery(
                                "SELECT dedup_key, reply::text AS reply FROM outbox ORDER BY id")
                        .map((rs, ctx) ->
                                new StoredRow(rs.getString("dedup_key"), ReplyJson.decode(rs.getString("reply"))))
                        .list());
        assertThat(inserted).isEqualTo(rows.size()).isGreaterThanOrEqualTo(3);
        assertThat(again).isZero();
        for (int i = 0; i < rows.size(); i++) {
            assertThat(rows.get(i).dedupKey()).isEqualTo("long#" + (i + 1));
            var part = (Reply.Text) rows.get(i).reply();
            assertThat(part.text().length()).isLessThanOrEqualTo(4096);
            assertThat(part.buttons()).isEqualTo(i == rows.size() - 1 ? buttons : List.of());
        }
        TextSplitterTest.assertRejoins(
                text,
                rows.stream().map(row -> ((Reply.Text) row.reply()).text()).toList());
    }

    @Test
    void aButtonAnswerIsStoredAsIs() {
        var outgoing = new Outgoing("cb:1", "telegram", "42", null, new Reply.ButtonAnswer("cb-id", null));

        database.jdbi().useTransaction(handle -> Outbox.enqueue(handle, outgoing));

        String stored = database.jdbi()
                .withHandle(handle -> handle.createQuery("SELECT reply::text FROM outbox")
                        .mapTo(String.class)
                        .one());
        assertThat(ReplyJson.decode(stored)).isEqualTo(outgoing.reply());
    }

    private record StoredRow(String dedupKey, Reply reply) {}

    private int count() {
        return database.jdbi()
                .withHandle(handle -> handle.createQuery("SELECT count(*) FROM outbox")
                        .mapTo(Integer.class)
                        .one());
    }
}
