package dev.rapport.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code outbox_queue} holds exactly the outbox's pending rows whoever writes the outbox (V123's
 * triggers), and a reply's outcome no longer copies its outbox row: the point of the queue.
 */
class OutboxQueueTest {

    private static final Duration LEASE = Duration.ofSeconds(15);

    /** A turn's replies as engine.TurnEnd writes them: a data-modifying CTE, ON CONFLICT DO NOTHING. */
    private static final String TURN = """
            WITH logged AS (
                INSERT INTO messages (direction, channel, chat_key, kind, text)
                VALUES ('out', 'telegram', :chat, 'text', 'logged')
                RETURNING id),
            queued AS (
                INSERT INTO outbox (dedup_key, channel, chat_key, message_id, reply, priority)
                SELECT o.dedup_key, 'telegram', :chat, (SELECT id FROM logged), CAST(o.reply AS jsonb), o.priority
                FROM unnest(CAST(:keys AS text[]), CAST(:replies AS text[]), CAST(:priorities AS smallint[]))
                     WITH ORDINALITY AS o(dedup_key, reply, priority, ord)
                ORDER BY o.ord
                ON CONFLICT (dedup_key) DO NOTHING)
            SELECT 1""";

    private static final String TEXT = "{\"type\":\"text\",\"text\":\"hello\"}";
    private static final String BUTTON_ANSWER = "{\"type\":\"button_answer\",\"callback_id\":\"c1\",\"text\":null}";

    private final OutboxFixture fixture = new OutboxFixture();
    private final OutboxStore store = new OutboxStore(fixture.database.jdbi());

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void theQueueHoldsExactlyThePendingRowsWhoeverWritesTheOutbox() {
        turn("1", List.of("t1:0", "t1:1", "t1:2"), List.of(TEXT, BUTTON_ANSWER, TEXT), List.of(0, 0, 1));
        turn("2", List.of("t2:0", "t2:1"), List.of(TEXT, TEXT), List.of(0, 0));
        turn("3", List.of("t3:0"), List.of(TEXT), List.of(1));
        // a retried turn: its rows are already there, one new row is added
        turn("1", List.of("t1:0", "t1:1", "t1:3"), List.of(TEXT, BUTTON_ANSWER, TEXT), List.of(0, 0, 0));
        fixture.enqueue("direct", 4, "through Outbox.enqueue");
        assertQueueIsThePendingRows(8);
        assertThat(fixture.queued("t1:1").orElseThrow().get("button_answer")).isEqualTo(true);
        assertThat(((Number) fixture.queued("t1:2").orElseThrow().get("priority")).intValue())
                .isEqualTo(1);

        var claimed = store.claim(64, LEASE, List.of("telegram"), "me");
        ClaimedRow first = byKey(claimed, "t1:0");
        ClaimedRow second = byKey(claimed, "t2:0");
        store.write(List.of(Outcome.sent(first, "1", Instant.now()), Outcome.dead(second, "rejected")), "me");
        assertQueueIsThePendingRows(6);

        fixture.customerWithTelegramChat(3);
        assertThat(store.skipUnreachable("telegram", "3")).isEqualTo(1);
        assertQueueIsThePendingRows(5);

        execute("DELETE FROM outbox WHERE dedup_key = 'direct'");
        assertQueueIsThePendingRows(4);

        // erasure renames a chat in the outbox while its rows are pending
        execute("UPDATE outbox SET chat_key = 'erased-1-1' WHERE chat_key = '2'");
        assertQueueIsThePendingRows(4);
        assertThat(fixture.queued("t2:1").orElseThrow().get("chat_key")).isEqualTo("erased-1-1");

        // a dead letter put back by hand is due again
        execute("UPDATE outbox SET status = 'pending' WHERE dedup_key = 't2:0'");
        assertQueueIsThePendingRows(5);

        execute("TRUNCATE outbox CASCADE");
        assertQueueIsThePendingRows(0);
    }

    @Test
    void aSentOutcomeIsAHotUpdateOfTheOutboxRowAndAReleaseLeavesTheRowAlone() {
        fixture.enqueue("k1", 1, "a");
        fixture.enqueue("k2", 2, "b");
        fixture.enqueue("k3", 3, "c");
        var claimed = store.claim(64, LEASE, List.of("telegram"), "me");
        assertThat(claimed).hasSize(3);

        long[] sent = writeCountingOutboxUpdates(claimed.subList(0, 2).stream()
                .map(row -> Outcome.sent(row, "ext-" + row.id(), Instant.now()))
                .toList());
        assertThat(sent[0]).as("outbox rows updated").isEqualTo(2);
        assertThat(sent[1]).as("of which HOT: no index got an entry").isEqualTo(2);
        assertThat(fixture.status("k1")).isEqualTo("sent");

        long[] released = writeCountingOutboxUpdates(List.of(Outcome.release(claimed.get(2), Duration.ofSeconds(1))));
        assertThat(released[0]).as("a release is scheduled in the queue alone").isZero();
        assertThat(fixture.queued("k3").orElseThrow().get("lease_until")).isNull();
        assertQueueIsThePendingRows(1);
    }

    /**
     * Writes {@code outcomes} and returns how many outbox rows that updated, and how many of them HOT.
     * Counted before and after in one transaction: a connection's counts of earlier transactions stay
     * in these functions until it reports them, at most once a second.
     */
    private long[] writeCountingOutboxUpdates(List<Outcome> outcomes) {
        return fixture.database.jdbi().inTransaction(handle -> {
            long[] before = outboxUpdates(handle);
            OutboxStore.write(handle, outcomes, "me");
            long[] after = outboxUpdates(handle);
            return new long[] {after[0] - before[0], after[1] - before[1]};
        });
    }

    private static long[] outboxUpdates(Handle handle) {
        return handle.createQuery("""
                        SELECT pg_stat_get_xact_tuples_updated('outbox'::regclass) AS updated,
                               pg_stat_get_xact_tuples_hot_updated('outbox'::regclass) AS hot""")
                .map((rs, ctx) -> new long[] {rs.getLong("updated"), rs.getLong("hot")})
                .one();
    }

    private void turn(String chat, List<String> keys, List<String> replies, List<Integer> priorities) {
        fixture.database
                .jdbi()
                .useTransaction(handle -> handle.createQuery(TURN)
                        .bind("chat", chat)
                        .bindArray("keys", String.class, keys.toArray())
                        .bindArray("replies", String.class, replies.toArray())
                        .bindArray("priorities", Integer.class, priorities.toArray())
                        .mapTo(Integer.class)
                        .one());
    }

    private void execute(String sql) {
        fixture.database.jdbi().useHandle(handle -> handle.execute(sql));
    }

    private static ClaimedRow byKey(List<ClaimedRow> rows, String key) {
        return rows.stream()
                .filter(row -> row.dedupKey().equals(key))
                .findFirst()
                .orElseThrow(() -> new AssertionError("not claimed: " + key + " in " + rows));
    }

    /** Compares id, chat, priority and kind of every queue row with the outbox's pending rows. */
    private void assertQueueIsThePendingRows(int pending) {
        fixture.database.jdbi().useHandle(handle -> {
            List<String> queue = rows(handle, """
                    SELECT concat_ws('|', id, channel, chat_key, priority, button_answer) FROM outbox_queue ORDER BY id""");
            List<String> outbox = rows(handle, """
                    SELECT concat_ws('|', id, channel, chat_key, priority,
                                     reply->>'type' IS NOT DISTINCT FROM 'button_answer')
                    FROM outbox WHERE status = 'pending' ORDER BY id""");
            assertThat(queue).as("the queue against the pending outbox rows").isEqualTo(outbox);
            assertThat(queue).hasSize(pending);
        });
    }

    private static List<String> rows(Handle handle, String sql) {
        return handle.createQuery(sql).mapTo(String.class).list();
    }
}
