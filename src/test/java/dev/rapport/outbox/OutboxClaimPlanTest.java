package dev.rapport.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rapport.store.Database;
import dev.rapport.store.Json;
import dev.rapport.store.TestDatabase;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The outbox claim's cost follows its batch, not the number of pending rows, also with the plan
 * PostgreSQL caches when the statistics are stale: statistics taken while the outbox held only sent
 * rows and its queue ({@code outbox_queue}, V123) a handful, then 6,000 rows pending over 3,000 chats,
 * and the claim run with a generic plan (what a connection settles on after five claims). Counted in
 * buffers touched, which do not depend on the machine's speed: 765 on the queue; 960 when the claim
 * walked the outbox's partial pending indexes; 774,848 with the claim's chat checks written as two NOT
 * EXISTS, whose anti-joins scanned the whole pending index for every candidate.
 */
class OutboxClaimPlanTest {

    @Test
    void aClaimTouchesBuffersInProportionToItsBatchWhateverIsPending() throws Exception {
        try (Database database = TestDatabase.fresh()) {
            String json = database.jdbi().inTransaction(handle -> {
                // statistics taken when the outbox held only sent rows and the queue a handful of pending ones
                handle.execute("""
                        INSERT INTO outbox (dedup_key, channel, chat_key, reply, status)
                        SELECT 'sent:' || n, 'telegram', (n % 3000)::text, '{"type":"text","text":"sent"}', 'sent'
                        FROM generate_series(1, 20000) AS n""");
                handle.execute("""
                        INSERT INTO outbox (dedup_key, channel, chat_key, reply)
                        SELECT 'early:' || n, 'telegram', 'early ' || n, '{"type":"text","text":"early"}'
                        FROM generate_series(1, 5) AS n""");
                handle.execute("ANALYZE outbox, outbox_queue");
                handle.execute("""
                        INSERT INTO outbox (dedup_key, channel, chat_key, reply)
                        SELECT 'plan:' || n, 'telegram', (n % 3000)::text,
                               jsonb_build_object('type', 'text', 'text', 'reply ' || n)
                        FROM generate_series(1, 6000) AS n""");
                handle.execute("SET LOCAL plan_cache_mode = force_generic_plan");
                handle.execute("SET LOCAL enable_sort = off"); // as OutboxStore.claim runs it
                String explained = handle.createQuery(
                                "EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) " + OutboxStore.claimSql(64))
                        .bindArray("channels", String.class, List.of("telegram"))
                        .bind("leaseMillis", 15_000L)
                        .bind("owner", "plan-test")
                        .mapTo(String.class)
                        .one();
                handle.rollback();
                return explained;
            });
            JsonNode plan = Json.mapper().readTree(json).get(0).get("Plan");

            assertThat(plan.get("Actual Rows").asLong()).isEqualTo(64);
            long buffers = plan.get("Shared Hit Blocks").asLong()
                    + plan.get("Shared Read Blocks").asLong();
            assertThat(buffers)
                    .as("buffers touched to claim 64 of 6,000 pending rows")
                    .isLessThan(5_000);
        }
    }
}
