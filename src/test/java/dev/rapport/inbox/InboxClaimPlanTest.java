package dev.rapport.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.store.Database;
import dev.rapport.store.QueryPlan;
import dev.rapport.store.TestDatabase;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.Test;

/**
 * An inbox batch's reads follow its chats, not the backlog or the record of past updates, also with
 * the generic plans a worker's connection caches (made here while the queue held five rows and the
 * record table only processed ones, then run with 6,000 updates pending over 3,000 chats): each chat's
 * check and its pending updates come through {@code inbox_queue}'s chat index, and each update from
 * {@code inbound_updates} by primary key. Counted in buffers and plan nodes, not time. Without
 * {@link ChatBatch#QUEUE_READS} the generic plans scan the queue: the check of 48 chats read all of it
 * once per chat (2,736 buffers), the read of their updates once per batch.
 */
class InboxClaimPlanTest {

    private static final int CHATS = 48;

    @Test
    void aBatchReadsItsChatsByIndexWhateverWasPlannedWhenTheTablesWereSmall() {
        try (Database database = TestDatabase.fresh()) {
            database.jdbi().useTransaction(handle -> {
                staleStatistics(handle);
                handle.execute("SET LOCAL plan_cache_mode = force_generic_plan");
                handle.execute(ChatBatch.QUEUE_READS);
                handle.execute("PREPARE pending(text[], text[]) AS "
                        + ChatBatch.PENDING.replace(":channels", "$1").replace(":chatKeys", "$2"));
                handle.execute("PREPARE lock(text[], text[], float8, int) AS "
                        + ChatClaim.LOCK
                                .replace(":channels", "$1")
                                .replace(":chatKeys", "$2")
                                .replace(":settle", "$3")
                                .replace(":wanted", "$4"));
                handle.execute("PREPARE head(boolean, bigint, int) AS "
                        + ChatClaim.HEAD
                                .replace(":afterOutreach", "$1")
                                .replace(":afterId", "$2")
                                .replace(":page", "$3"));
                handle.execute("EXECUTE head(false, 0, 192)"); // the generic plans, made now
                handle.execute("EXECUTE pending('{}', '{}')");
                handle.execute("EXECUTE lock('{}', '{}', 0.1, 48)");
                backlog(handle);

                QueryPlan head = QueryPlan.explain(handle, "EXECUTE head(false, 0, 192)");
                assertThat(head.rows()).as("a page of the queue").isEqualTo(192);
                assertCheap(head, "read a page of 192 pending updates among 6,000");

                String chats = chats();
                QueryPlan pending = QueryPlan.explain(handle, "EXECUTE pending(" + chats + ")");
                assertThat(pending.rows()).as("pending updates of 48 chats").isEqualTo(96);
                assertCheap(pending, "read the pending updates of 48 chats among 3,000");

                QueryPlan lock = QueryPlan.explain(handle, "EXECUTE lock(" + chats + ", 0.1, 48)");
                assertThat(lock.rows()).as("chats locked").isEqualTo(CHATS);
                assertCheap(lock, "check and lock 48 chats among 3,000");
                handle.rollback();
            });
        }
    }

    /** Statistics taken while the record held 20,000 processed updates and the queue five. */
    private static void staleStatistics(Handle handle) {
        handle.execute("""
                INSERT INTO inbound_updates (channel, update_id, chat_key, kind, payload, status, processed_at)
                SELECT 'telegram', n, (n % 3000)::text, 'message', '{"text": "done"}', 'processed', now()
                FROM generate_series(1, 20000) AS n""");
        handle.execute("""
                INSERT INTO inbound_updates (channel, update_id, chat_key, kind, payload, status)
                SELECT 'telegram', 100000 + n, 'early ' || n, 'message', '{}', 'pending'
                FROM generate_series(1, 5) AS n""");
        handle.execute("ANALYZE inbound_updates, inbox_queue");
    }

    /** 6,000 updates pending over 3,000 chats, settled. */
    private static void backlog(Handle handle) {
        handle.execute("""
                INSERT INTO inbound_updates (channel, update_id, chat_key, kind, payload, status, received_at)
                SELECT 'telegram', 200000 + n, (n % 3000)::text, 'message', jsonb_build_object('text', 'hi ' || n),
                       'pending', now() - interval '1 minute'
                FROM generate_series(1, 6000) AS n""");
    }

    /** The first 48 chats of the backlog, as the two array arguments. */
    private static String chats() {
        String keys = IntStream.range(0, CHATS).mapToObj(n -> "'" + n + "'").collect(Collectors.joining(","));
        String channels = IntStream.range(0, CHATS).mapToObj(n -> "'telegram'").collect(Collectors.joining(","));
        return "ARRAY[" + channels + "], ARRAY[" + keys + "]";
    }

    private static void assertCheap(QueryPlan plan, String what) {
        assertThat(plan.buffers()).as("buffers touched to " + what).isLessThan(1_000);
        assertThat(plan.nodes())
                .as("every table is read through an index: a sequential scan grows with the table")
                .noneMatch(node -> node.startsWith("Seq Scan"));
    }
}
