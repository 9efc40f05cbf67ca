package dev.rapport.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.store.Database;
import dev.rapport.store.TestDatabase;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.Test;

/**
 * {@code inbox_queue} (V122) holds exactly the pending rows of {@code inbound_updates}, whichever
 * statement wrote them, and marking an update done no longer copies it into every index.
 */
class InboxQueueTest {

    /** The pending rows, as the queue should hold them: id, chat and retry time. */
    private static final String PENDING = """
            SELECT id || ' ' || channel || '/' || coalesce(chat_key, '-') || ' ' || (kind IS NOT DISTINCT FROM 'outreach')
                   || ' ' || coalesce(not_before::text, '-')
            FROM inbound_updates WHERE status = 'pending' ORDER BY id""";

    private static final String QUEUED = """
            SELECT id || ' ' || channel || '/' || coalesce(chat_key, '-') || ' ' || outreach
                   || ' ' || coalesce(not_before::text, '-')
            FROM inbox_queue ORDER BY id""";

    private static List<String> rows(Handle handle, String sql) {
        return handle.createQuery(sql).mapTo(String.class).list();
    }

    private static void assertQueueIsPending(Handle handle, int expected) {
        List<String> pending = rows(handle, PENDING);
        assertThat(pending).hasSize(expected);
        assertThat(rows(handle, QUEUED)).isEqualTo(pending);
    }

    @Test
    void theQueueFollowsEveryWriteOfTheInbox() {
        try (Database database = TestDatabase.fresh()) {
            database.jdbi().useHandle(handle -> {
                // the intake: several rows in one statement, some settled at once, one a duplicate
                UpdateRows.insert(
                        handle,
                        List.of(
                                NewUpdate.pending("telegram", 1, "7", "message", "{\"update_id\":1}"),
                                NewUpdate.pending("telegram", 2, "8", "message", "{\"update_id\":2}"),
                                NewUpdate.pending("telegram", 3, "7", "message", "{\"update_id\":3}"),
                                NewUpdate.settled(
                                        "telegram",
                                        4L,
                                        null,
                                        "poll",
                                        "{\"update_id\":4}",
                                        null,
                                        UpdateStatus.IGNORED,
                                        "no chat")));
                UpdateRows.insert(
                        handle, List.of(NewUpdate.pending("telegram", 1, "7", "message", "{\"update_id\":1}")));
                assertQueueIsPending(handle, 3);

                // outreach waits behind customers' updates
                handle.execute("""
                        INSERT INTO inbound_updates (channel, update_id, chat_key, kind, payload, status)
                        VALUES ('telegram', 900000000001, '9', 'outreach', '{"key": "k"}', 'pending')""");
                assertQueueIsPending(handle, 4);
                assertThat(rows(handle, "SELECT outreach::text FROM inbox_queue WHERE chat_key = '9'"))
                        .containsExactly("true");

                // a failed turn held back for a retry, then done
                handle.execute("""
                        UPDATE inbound_updates SET attempts = 1, not_before = now() + interval '1 minute'
                        WHERE update_id = 1""");
                assertQueueIsPending(handle, 4);
                handle.execute(
                        "UPDATE inbound_updates SET status = 'processed', processed_at = now() WHERE update_id IN (1, 3)");
                assertQueueIsPending(handle, 2);

                // erasure renames the chat, then settles what is still pending
                handle.execute("UPDATE inbound_updates SET chat_key = 'erased-1-1' WHERE chat_key = '8'");
                assertQueueIsPending(handle, 2);
                handle.execute("""
                        UPDATE inbound_updates SET status = 'ignored', reason = 'the customer was erased'
                        WHERE chat_key = 'erased-1-1' AND status = 'pending'""");
                assertQueueIsPending(handle, 1);

                // back to pending (an operator's retry), then deleted
                handle.execute("UPDATE inbound_updates SET status = 'pending' WHERE update_id = 2");
                assertQueueIsPending(handle, 2);
                handle.execute("DELETE FROM inbound_updates WHERE update_id = 2");
                assertQueueIsPending(handle, 1);
                handle.execute("TRUNCATE inbound_updates CASCADE");
                assertThat(rows(handle, QUEUED)).isEmpty();
            });
        }
    }

    /**
     * The point of the queue: no index of {@code inbound_updates} names {@code status}, so marking a
     * batch processed updates its rows in place (HOT) when their page has room, instead of copying
     * each into every index.
     */
    @Test
    void markingUpdatesProcessedIsAHotUpdate() {
        try (Database database = TestDatabase.fresh()) {
            database.jdbi().useHandle(handle -> {
                UpdateRows.insert(
                        handle,
                        List.of(
                                NewUpdate.pending("telegram", 11, "7", "message", "{\"update_id\":11}"),
                                NewUpdate.pending("telegram", 12, "8", "message", "{\"update_id\":12}")));
                handle.begin();
                handle.execute("""
                        UPDATE inbound_updates SET status = 'processed', processed_at = now(), reason = NULL
                        WHERE update_id IN (11, 12)""");
                long updated = handle.createQuery("SELECT pg_stat_get_xact_tuples_updated('inbound_updates'::regclass)")
                        .mapTo(Long.class)
                        .one();
                long hot = handle.createQuery("SELECT pg_stat_get_xact_tuples_hot_updated('inbound_updates'::regclass)")
                        .mapTo(Long.class)
                        .one();
                handle.commit();
                assertThat(updated).isEqualTo(2);
                assertThat(hot).isEqualTo(2);
                assertQueueIsPending(handle, 0);
            });
        }
    }
}
