package dev.rapport.inbox;

import dev.rapport.config.RapportConfig;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jdbi.v3.core.Handle;

/**
 * Picks the chats of one inbox batch and takes their locks, in the batch's transaction.
 *
 * <p>What is claimed, and in which order: chats with a pending update, oldest first, except that a
 * chat where a customer wrote comes before every chat with only outreach waiting (an offer campaign
 * queues thousands; a customer who is talking must not wait behind them). A chat is claimed only
 * when its updates have settled — its newest pending update is {@code settleMillis} old, or its
 * oldest ten times that — and none is held back for a retry ({@code not_before}); the worker then
 * runs them in {@code update_id} order, which puts updates that arrived out of order back in order.
 *
 * <p>Exclusion: a chat is claimed by taking a transaction-level advisory lock on it with
 * {@code pg_try_advisory_xact_lock}, so two workers — also of two Rapport instances on one
 * database — never hold the same chat; a worker skips the chats another one holds and takes the
 * next ones. The lock is tried only on a chat that passed the checks above, one chat after the
 * other, and no more than the batch takes: a batch never holds a lock on a chat it does not run.
 *
 * <p>Cost: independent of the backlog. The oldest pending rows are read a page at a time from
 * {@code inbox_queue} (V122: the pending updates' claim columns, kept by triggers) through its index
 * {@code inbox_queue_claim}, in the order above; each new chat on the
 * page is checked with an index lookup of its own pending rows and locked if it may go. A further
 * page is read only when the page did not fill the batch (its chats were held by other workers,
 * still settling, or waiting for a retry). Earlier, every claim grouped all pending updates: with
 * 2,000 chats waiting that was 19 ms of PostgreSQL per claim. Used by one worker thread; not
 * thread-safe.
 */
final class ChatClaim {

    /** The chats claimed (locked), in claim order, and whether any update was pending at all. */
    record Claim(List<ChatBatch.Chat> chats, boolean anyPending) {}

    private record Head(String channel, String chatKey, boolean outreach, long id) {}

    private final int limit;
    private final int page;
    private final double settleSeconds;

    ChatClaim(RapportConfig.Inbox settings) {
        this.limit = settings.batchChats();
        this.page = Math.max(64, 4 * settings.batchChats());
        this.settleSeconds = settings.settleMillis() / 1000.0;
    }

    Claim claim(Handle handle) {
        var claimed = new ArrayList<ChatBatch.Chat>();
        Set<ChatBatch.Chat> seen = new HashSet<>();
        boolean anyPending = false;
        boolean afterOutreach = false;
        long afterId = 0;
        while (claimed.size() < limit) {
            List<Head> head = head(handle, afterOutreach, afterId);
            if (head.isEmpty()) {
                break;
            }
            anyPending = true;
            var candidates = new ArrayList<ChatBatch.Chat>();
            for (Head row : head) {
                var chat = new ChatBatch.Chat(row.channel(), row.chatKey());
                // A chat seen on an earlier page was checked there: held, settling or claimed.
                if (row.chatKey() != null && seen.add(chat)) {
                    candidates.add(chat);
                }
            }
            if (!candidates.isEmpty()) {
                claimed.addAll(lock(handle, candidates, limit - claimed.size()));
            }
            if (head.size() < page) {
                break; // the whole queue was looked at
            }
            Head last = head.get(head.size() - 1);
            afterOutreach = last.outreach();
            afterId = last.id();
        }
        return new Claim(claimed, anyPending);
    }

    /** A page of the queue in claim order, through {@code inbox_queue_claim}. */
    static final String HEAD = """
            SELECT channel, chat_key, outreach, id
            FROM inbox_queue
            WHERE (outreach, id) > (:afterOutreach, :afterId)
            ORDER BY outreach, id
            LIMIT :page""";

    /** The next page of pending rows: customers' updates by id, then outreach by id. */
    private List<Head> head(Handle handle, boolean afterOutreach, long afterId) {
        return handle.createQuery(HEAD)
                .bind("afterOutreach", afterOutreach)
                .bind("afterId", afterId)
                .bind("page", page)
                .map((rs, ctx) -> new Head(
                        rs.getString("channel"), rs.getString("chat_key"), rs.getBoolean("outreach"), rs.getLong("id")))
                .list();
    }

    /** The lock statement of {@link #lock}: one index lookup of {@code inbox_queue} per candidate. */
    static final String LOCK = """
            SELECT c.channel, c.chat_key
            FROM unnest(:channels, :chatKeys) AS c(channel, chat_key)
            CROSS JOIN LATERAL (
                SELECT max(q.received_at) AS newest, min(q.received_at) AS oldest,
                       max(q.not_before) AS held_until
                FROM inbox_queue q
                WHERE q.channel = c.channel AND q.chat_key = c.chat_key) p
            WHERE CASE WHEN p.newest IS NOT NULL
                            AND (p.newest < now() - make_interval(secs => :settle)
                                 OR p.oldest < now() - make_interval(secs => :settle * 10))
                            AND coalesce(p.held_until, '-infinity') <= now()
                       THEN pg_try_advisory_xact_lock(hashtextextended(c.channel || '/' || c.chat_key, 0))
                       ELSE false END
            LIMIT :wanted""";

    /**
     * Checks the candidates in the given order and locks those that may go, until {@code wanted}.
     * The CASE makes the order of evaluation certain: the lock is tried only after the checks passed,
     * and LIMIT stops the scan of the candidates (a nested loop over the array, in its order) once
     * enough are locked.
     */
    private List<ChatBatch.Chat> lock(Handle handle, List<ChatBatch.Chat> candidates, int wanted) {
        return handle.createQuery(LOCK)
                .bindArray(
                        "channels",
                        String.class,
                        candidates.stream().map(ChatBatch.Chat::channel).toArray())
                .bindArray(
                        "chatKeys",
                        String.class,
                        candidates.stream().map(ChatBatch.Chat::chatKey).toArray())
                .bind("settle", settleSeconds)
                .bind("wanted", wanted)
                .map((rs, ctx) -> new ChatBatch.Chat(rs.getString("channel"), rs.getString("chat_key")))
                .list();
    }
}
