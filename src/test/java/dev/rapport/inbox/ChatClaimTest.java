package dev.rapport.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.config.RapportConfig;
import dev.rapport.store.Database;
import dev.rapport.store.TestDatabase;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Two workers (two transactions, as in two processes) claiming at once get different chats, and lock only those. */
class ChatClaimTest {

    @Test
    void concurrentClaimsTakeDifferentChatsAndLockOnlyWhatTheyTake() {
        try (Database database = TestDatabase.fresh()) {
            database.jdbi().useHandle(handle -> handle.execute("""
                    INSERT INTO inbound_updates (channel, update_id, chat_key, kind, payload, status, received_at)
                    SELECT 'telegram', n, n::text, 'message', '{}', 'pending', now() - interval '1 second'
                    FROM generate_series(1, 40) AS n"""));
            var registry = new SimpleMeterRegistry();
            var settings = new RapportConfig.Inbox(2, 16, 100, 5, 25);
            var batch = new ChatBatch(
                    database.jdbi(),
                    settings,
                    Map.of(),
                    (handle, message, id) -> {},
                    Counter.builder("p").register(registry),
                    Counter.builder("f").register(registry),
                    Timer.builder("t").register(registry));

            try (var first = database.jdbi().open();
                    var second = database.jdbi().open()) {
                first.begin();
                second.begin();
                List<ChatBatch.Chat> firstClaim = batch.claimChats(first);
                List<ChatBatch.Chat> secondClaim = batch.claimChats(second);

                assertThat(firstClaim).hasSize(16);
                assertThat(secondClaim).hasSize(16);
                var overlap = new HashSet<>(firstClaim);
                overlap.retainAll(secondClaim);
                assertThat(overlap).isEmpty();
                assertThat(advisoryLocksHeld(first)).isEqualTo(16);
                assertThat(firstClaim.get(0).chatKey()).isEqualTo("1");
                first.rollback();
                second.rollback();
            }
        }
    }

    /**
     * The claim reads the queue a page at a time: a chat whose many updates wait for a retry does not
     * hide the chats behind it; a customer who wrote goes before outreach queued earlier; a chat still
     * settling is left, and locked by no one.
     */
    @Test
    void claimLooksPastHeldChatsPutsCustomersBeforeOutreachAndLeavesSettlingChats() {
        try (Database database = TestDatabase.fresh()) {
            database.jdbi().useHandle(handle -> handle.execute("""
                    INSERT INTO inbound_updates (channel, update_id, chat_key, kind, payload, status, received_at,
                                                 not_before)
                    SELECT 'telegram', n, 'held', 'message', '{}', 'pending', now() - interval '1 second',
                           CASE WHEN n = 1 THEN now() + interval '1 hour' END
                    FROM generate_series(1, 300) AS n;
                    INSERT INTO inbound_updates (channel, update_id, chat_key, kind, payload, status, received_at)
                    VALUES ('telegram', 1000, 'campaign', 'outreach', '{"key": "k1"}', 'pending', now() - interval '1 second'),
                           ('telegram', 1001, 'settling', 'message', '{}', 'pending', now() + interval '1 hour'),
                           ('telegram', 1002, 'talking', 'message', '{}', 'pending', now() - interval '1 second');"""));
            var claim = new ChatClaim(new RapportConfig.Inbox(2, 16, 60_000, 5, 25));

            try (var handle = database.jdbi().open()) {
                handle.begin();
                // A settle window of a minute: only the oldest-ten-times rule could let these go, and does not.
                assertThat(claim.claim(handle)).isEqualTo(new ChatClaim.Claim(List.of(), true));
                handle.rollback();
            }
            claim = new ChatClaim(new RapportConfig.Inbox(2, 16, 100, 5, 25));
            try (var handle = database.jdbi().open()) {
                handle.begin();
                assertThat(claim.claim(handle).chats())
                        .extracting(ChatBatch.Chat::chatKey)
                        .containsExactly("talking", "campaign");
                assertThat(advisoryLocksHeld(handle)).isEqualTo(2);
                handle.rollback();
            }
        }
    }

    private static long advisoryLocksHeld(org.jdbi.v3.core.Handle handle) {
        return handle.createQuery(
                        "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND pid = pg_backend_pid()")
                .mapTo(Long.class)
                .one();
    }
}
