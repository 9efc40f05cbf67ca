package dev.rapport.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.store.Database;
import dev.rapport.store.QueryPlan;
import dev.rapport.store.TestDatabase;
import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;
import org.junit.jupiter.api.Test;

/**
 * The outbox claim's cost follows its batch, not the number of pending rows or of chats, also with the
 * plan PostgreSQL caches when the statistics are stale: statistics taken while the outbox held only
 * sent rows, its queue ({@code outbox_queue}, V123) a handful and no chat had an account, then 6,000
 * rows pending over 3,000 chats and 20,000 accounts, and the claim run with a generic plan (what a
 * connection settles on after five claims) — made either then, or before the rows arrived and kept.
 * Counted in buffers touched, which do not depend on the machine's speed: about 950 on the queue (187
 * of them the accounts' lookups); 960 when the claim walked the outbox's partial pending indexes, without
 * the accounts; 7,308 with the plan made while the tables were small, before the claim ran with
 * sequential scans disabled; 774,848 with the claim's chat checks written as two NOT EXISTS, whose
 * anti-joins scanned the whole pending index for every candidate. And no table is read whole: the
 * unreachable check, written as an EXISTS, became a hashed subplan that read every channel account
 * once per claim. The outcome write's plan, made while the queue was small, reads it by index too.
 */
class OutboxClaimPlanTest {

    private static final String CHANNELS = "ARRAY['telegram']";

    @Test
    void aClaimTouchesBuffersInProportionToItsBatchWhateverIsPending() throws Exception {
        String json = explainAfterStaleStatistics(handle -> {
            backlog(handle);
            planAsTheClaimDoes(handle);
            return handle.createQuery("EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) " + OutboxStore.claimSql(64))
                    .bindArray("channels", String.class, List.of("telegram"))
                    .bind("leaseMillis", 15_000L)
                    .bind("owner", "plan-test")
                    .mapTo(String.class)
                    .one();
        });

        assertCheap(json);
    }

    @Test
    void aPlanMadeWhileTheQueueAndTheAccountsWereSmallStaysCheapAfterTheyGrow() throws Exception {
        String json = explainAfterStaleStatistics(handle -> {
            planAsTheClaimDoes(handle);
            handle.execute("PREPARE claim(text[], bigint, text) AS "
                    + OutboxStore.claimSql(64)
                            .replace(":channels", "$1")
                            .replace(":leaseMillis", "$2")
                            .replace(":owner", "$3"));
            handle.execute("SAVEPOINT planned");
            handle.execute("EXECUTE claim(" + CHANNELS + ", 15000, 'plan-test')"); // makes the generic plan
            handle.execute("ROLLBACK TO SAVEPOINT planned");
            backlog(handle);
            return handle.createQuery("EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) EXECUTE claim(" + CHANNELS
                            + ", 15000, 'plan-test')")
                    .mapTo(String.class)
                    .one();
        });

        assertCheap(json);
    }

    @Test
    void anOutcomeWritePlannedWhileTheQueueWasSmallReadsItByIndexAfterItGrows() throws Exception {
        String json = explainAfterStaleStatistics(handle -> {
            handle.execute("SET LOCAL plan_cache_mode = force_generic_plan");
            handle.execute(OutboxStore.WRITE_SETTINGS);
            handle.execute("PREPARE write(bigint[], text[], bigint[], text[], text[], bigint[], text) AS "
                    + OutboxStore.WRITE_OUTCOMES
                            .replace(":ids", "$1")
                            .replace(":kinds", "$2")
                            .replace(":sentMicros", "$3")
                            .replace(":externalIds", "$4")
                            .replace(":errors", "$5")
                            .replace(":delayMillis", "$6")
                            .replace(":owner", "$7"));
            handle.execute("SAVEPOINT planned");
            handle.execute("EXECUTE write('{}', '{}', '{}', '{}', '{}', '{}', 'plan-test')"); // the generic plan
            handle.execute("ROLLBACK TO SAVEPOINT planned");
            backlog(handle);
            // a batch of 64 in flight: half sent, half put back
            List<Long> ids = handle.createQuery("""
                            UPDATE outbox_queue SET lease_until = now() + interval '15 seconds', leased_by = 'plan-test'
                            WHERE id IN (SELECT id FROM outbox_queue ORDER BY id DESC LIMIT 64)
                            RETURNING id""").mapTo(Long.class).list();
            var kinds = new ArrayList<String>();
            var nulls = new ArrayList<String>();
            for (int i = 0; i < ids.size(); i++) {
                kinds.add(i % 2 == 0 ? "'sent'" : "'retry'");
                nulls.add("NULL");
            }
            return handle.createQuery("EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) EXECUTE write("
                            + "ARRAY" + ids + "::bigint[], ARRAY" + kinds + "::text[], ARRAY" + nulls
                            + "::bigint[], ARRAY" + nulls + "::text[], ARRAY" + nulls + "::text[], ARRAY"
                            + nulls.stream().map(n -> "1000").toList() + "::bigint[], 'plan-test')")
                    .mapTo(String.class)
                    .one();
        });

        QueryPlan plan = QueryPlan.of(json);
        assertThat(plan.rows()).as("outbox rows written").isEqualTo(64);
        assertThat(plan.nodes())
                .as("every table is read through an index: a sequential scan grows with the table")
                .noneMatch(node -> node.startsWith("Seq Scan"));
    }

    /**
     * Runs {@code explain} on a fresh database after {@link #staleStatistics}, in one transaction that
     * is rolled back; returns what it returned (EXPLAIN's JSON).
     */
    private static String explainAfterStaleStatistics(HandleCallback<String, RuntimeException> explain) {
        try (Database database = TestDatabase.fresh()) {
            return database.jdbi().inTransaction(handle -> {
                staleStatistics(handle);
                String json = explain.withHandle(handle);
                handle.rollback();
                return json;
            });
        }
    }

    /** Statistics taken when the outbox held only sent rows, the queue a handful and no chat an account. */
    private static void staleStatistics(Handle handle) {
        handle.execute("""
                INSERT INTO outbox (dedup_key, channel, chat_key, reply, status)
                SELECT 'sent:' || n, 'telegram', (n % 3000)::text, '{"type":"text","text":"sent"}', 'sent'
                FROM generate_series(1, 20000) AS n""");
        handle.execute("""
                INSERT INTO outbox (dedup_key, channel, chat_key, reply)
                SELECT 'early:' || n, 'telegram', 'early ' || n, '{"type":"text","text":"early"}'
                FROM generate_series(1, 5) AS n""");
        handle.execute("ANALYZE outbox, outbox_queue, channel_accounts");
    }

    /** 20,000 chats with accounts (1 in 100 unreachable) and 6,000 pending rows over 3,000 of them. */
    private static void backlog(Handle handle) {
        handle.execute("""
                WITH customer AS (INSERT INTO customers (name) VALUES ('many chats') RETURNING id)
                INSERT INTO channel_accounts (channel, chat_key, customer_id, unreachable_at)
                SELECT 'telegram', n::text, customer.id, CASE WHEN n % 100 = 7 THEN now() END
                FROM customer, generate_series(0, 19999) AS n""");
        handle.execute("""
                INSERT INTO outbox (dedup_key, channel, chat_key, reply)
                SELECT 'plan:' || n, 'telegram', (n % 3000)::text,
                       jsonb_build_object('type', 'text', 'text', 'reply ' || n)
                FROM generate_series(1, 6000) AS n""");
    }

    /** A generic plan, with the settings {@link OutboxStore#claim} plans under. */
    private static void planAsTheClaimDoes(Handle handle) {
        handle.execute("SET LOCAL plan_cache_mode = force_generic_plan");
        handle.execute(OutboxStore.CLAIM_SETTINGS);
    }

    private static void assertCheap(String json) {
        QueryPlan plan = QueryPlan.of(json);
        assertThat(plan.rows()).isEqualTo(64);
        assertThat(plan.buffers())
                .as("buffers touched to claim 64 of 6,000 pending rows")
                .isLessThan(5_000);
        assertThat(plan.nodes())
                .as("every table is read through an index: a sequential scan grows with the table")
                .noneMatch(node -> node.startsWith("Seq Scan"));
    }
}
