package dev.rapport.inbox;

import dev.rapport.config.RapportConfig;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Timer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One claim-and-process transaction of a worker: lock a batch of chats, run each chat's pending
 * updates in order, mark them, commit. Used by one worker thread; not thread-safe.
 */
final class ChatBatch {

    private static final Logger log = LoggerFactory.getLogger(ChatBatch.class);

    record Result(int claimedChats, int turns, boolean pendingUnsettled) {}

    record Chat(String channel, String chatKey) {}

    record Pending(long id, String channel, long updateId, String chatKey, String kind, String payload, int attempts) {}

    private final Jdbi jdbi;
    private final RapportConfig.Inbox settings;
    private final Map<String, UpdateDecoder> decoders;
    private final TurnHandler turns;
    private final Counter processed;
    private final Counter failed;
    private final Timer turnLatency;
    private final ChatClaim claim;

    ChatBatch(
            Jdbi jdbi,
            RapportConfig.Inbox settings,
            Map<String, UpdateDecoder> decoders,
            TurnHandler turns,
            Counter processed,
            Counter failed,
            Timer turnLatency) {
        this.jdbi = jdbi;
        this.settings = settings;
        this.decoders = decoders;
        this.turns = turns;
        this.processed = processed;
        this.failed = failed;
        this.turnLatency = turnLatency;
        this.claim = new ChatClaim(settings);
    }

    /** Thrown out of an optimistic batch when a turn fails: the batch rolls back and runs again carefully. */
    private static final class TurnFailed extends RuntimeException {
        TurnFailed(RuntimeException cause) {
            super(cause);
        }
    }

    /**
     * Runs a batch optimistically, without a savepoint per turn (two round trips saved per turn). If a
     * turn fails, the whole batch rolls back — nothing of it was committed — and runs again with a
     * savepoint around each turn, so only the failing turn is undone and retried later.
     */
    Result run() {
        try {
            return run(false);
        } catch (TurnFailed e) {
            return run(true);
        }
    }

    private Result run(boolean careful) {
        return jdbi.inTransaction(handle -> {
            handle.execute(QUEUE_READS);
            ChatClaim.Claim claimed = claim.claim(handle);
            List<Chat> chats = claimed.chats();
            if (chats.isEmpty()) {
                return new Result(0, 0, claimed.anyPending());
            }
            int done = 0;
            var handled = new ArrayList<Long>();
            TurnHandler.Batch batch = turns.batch(handle);
            var pending = pendingByChat(handle, chats);
            handle.execute(AFTER_QUEUE_READS);
            batch.ahead(
                    pending.keySet().stream().map(Chat::channel).toList(),
                    pending.keySet().stream().map(Chat::chatKey).toList());
            for (var entry : pending.entrySet()) {
                done += runChat(handle, batch, entry.getValue(), handled, careful);
            }
            try {
                batch.finish();
            } catch (RuntimeException e) {
                // Held-back writes of some turn failed: run again carefully, where each turn writes its own.
                throw new TurnFailed(e);
            }
            markProcessed(handle, handled);
            return new Result(chats.size(), done, false);
        });
    }

    /** The chats this batch may run, locked (see {@link ChatClaim}). */
    List<Chat> claimChats(Handle handle) {
        return claim.claim(handle).chats();
    }

    /**
     * Set before the claim and the read of the pending updates, in the batch's transaction: they read
     * {@code inbox_queue} through its indexes only. The queue is often nearly empty, and the generic
     * plan a worker's connection caches then is a sequential scan — of every pending row, for every
     * chat, once a backlog builds (an offer campaign queues thousands). Measured in
     * {@code InboxClaimPlanTest}: the check of 48 chats among 3,000 read 2,736 queue buffers that way.
     */
    static final String QUEUE_READS = "SET LOCAL enable_seqscan = off";

    /** Set after them: the turns plan as PostgreSQL sees fit. */
    static final String AFTER_QUEUE_READS = "SET LOCAL enable_seqscan TO DEFAULT";

    /**
     * The claimed chats' pending updates, in the order they run: each chat's rows in {@code inbox_queue}
     * by its chat index, then each update by primary key (run under {@link #QUEUE_READS}). {@code
     * OFFSET 0} keeps the per-chat lookup a subquery run with each chat's values; joined flat, the
     * plan read the whole chat index into a hash join instead.
     */
    static final String PENDING = """
            SELECT u.id, u.channel, u.update_id, u.chat_key, u.kind, u.payload::text AS payload, u.attempts
            FROM unnest(:channels, :chatKeys) AS c(channel, chat_key)
            CROSS JOIN LATERAL (SELECT q.id FROM inbox_queue q
                                WHERE q.channel = c.channel AND q.chat_key = c.chat_key OFFSET 0) q
            JOIN inbound_updates u ON u.id = q.id
            WHERE u.status = 'pending'
            ORDER BY u.channel, u.chat_key, u.update_id""";

    /** Re-reads under the lock: another worker may have finished a chat since the candidate query. */
    private static Map<Chat, List<Pending>> pendingByChat(Handle handle, List<Chat> chats) {
        var result = new java.util.LinkedHashMap<Chat, List<Pending>>();
        handle.createQuery(PENDING)
                .bindArray(
                        "channels",
                        String.class,
                        chats.stream().map(Chat::channel).toArray())
                .bindArray(
                        "chatKeys",
                        String.class,
                        chats.stream().map(Chat::chatKey).toArray())
                .map((rs, ctx) -> new Pending(
                        rs.getLong("id"),
                        rs.getString("channel"),
                        rs.getLong("update_id"),
                        rs.getString("chat_key"),
                        rs.getString("kind"),
                        rs.getString("payload"),
                        rs.getInt("attempts")))
                .forEach(pending -> result.computeIfAbsent(
                                new Chat(pending.channel(), pending.chatKey()), chat -> new ArrayList<>())
                        .add(pending));
        return result;
    }

    /** Runs a chat's updates in order; stops at the first failing turn so order is kept. Returns turns run. */
    private int runChat(
            Handle handle, TurnHandler.Batch batch, List<Pending> updates, List<Long> handled, boolean careful) {
        int done = 0;
        for (Pending update : updates) {
            UpdateDecoder decoder = decoders.get(update.channel());
            if (decoder == null) {
                settle(handle, update, UpdateStatus.IGNORED, "no channel '" + update.channel() + "' is configured");
                continue;
            }
            UpdateDecoder.Decoded decoded;
            try {
                decoded = OutreachQueue.KIND.equals(update.kind())
                        ? new UpdateDecoder.Decoded.Message(OutreachDecoder.decode(
                                update.channel(), update.updateId(), update.chatKey(), update.payload()))
                        : decoder.decode(update.updateId(), update.chatKey(), update.payload());
            } catch (RuntimeException e) {
                // Reading a stored update fails the same way every time: reject it with the reason, no retries.
                settle(handle, update, UpdateStatus.REJECTED, "could not read the update: " + e);
                continue;
            }
            if (decoded instanceof UpdateDecoder.Decoded.Ignore ignore) {
                settle(handle, update, UpdateStatus.IGNORED, ignore.reason());
                continue;
            }
            var message = ((UpdateDecoder.Decoded.Message) decoded).message();
            if (careful) {
                handle.savepoint("turn");
            }
            try {
                long started = System.nanoTime();
                batch.handle(message, update.id());
                if (careful) {
                    batch.finish(); // inside the turn's savepoint, so a failure undoes this turn alone
                    handle.release("turn");
                }
                handled.add(update.id());
                done++;
                turnLatency.record(System.nanoTime() - started, java.util.concurrent.TimeUnit.NANOSECONDS);
            } catch (RuntimeException e) {
                if (!careful) {
                    throw new TurnFailed(e);
                }
                handle.rollbackToSavepoint("turn");
                if (!retryLater(handle, update, e)) {
                    return done;
                }
            }
        }
        return done;
    }

    /**
     * Records a failed turn. Returns true when the update is given up (the chat may go on), false
     * when it will be retried (the chat waits, to keep order).
     */
    private boolean retryLater(Handle handle, Pending update, RuntimeException error) {
        int attempts = update.attempts() + 1;
        String reason = error.getClass().getSimpleName() + ": " + error.getMessage();
        if (attempts >= settings.maxAttempts()) {
            log.error(
                    "Update {} of chat {}/{} failed {} times; giving up",
                    update.updateId(),
                    update.channel(),
                    update.chatKey(),
                    attempts,
                    error);
            handle.createUpdate("""
                            UPDATE inbound_updates SET status = 'failed', attempts = :attempts, reason = :reason,
                                   processed_at = now() WHERE id = :id""")
                    .bind("attempts", attempts)
                    .bind("reason", reason)
                    .bind("id", update.id())
                    .execute();
            failed.increment();
            return true;
        }
        log.warn(
                "Update {} of chat {}/{} failed (attempt {}); will retry",
                update.updateId(),
                update.channel(),
                update.chatKey(),
                attempts,
                error);
        handle.createUpdate("""
                        UPDATE inbound_updates SET attempts = :attempts, reason = :reason,
                               not_before = now() + make_interval(secs => :backoff) WHERE id = :id""")
                .bind("attempts", attempts)
                .bind("reason", reason)
                .bind("backoff", Math.min(60.0, 0.5 * Math.pow(2, attempts - 1)))
                .bind("id", update.id())
                .execute();
        return false;
    }

    private static void settle(Handle handle, Pending update, UpdateStatus status, String reason) {
        handle.createUpdate("""
                        UPDATE inbound_updates SET status = :status, reason = :reason, processed_at = now()
                        WHERE id = :id""")
                .bind("status", status.stored())
                .bind("reason", reason)
                .bind("id", update.id())
                .execute();
    }

    private void markProcessed(Handle handle, List<Long> ids) {
        if (ids.isEmpty()) {
            return;
        }
        handle.createUpdate("""
                        UPDATE inbound_updates SET status = 'processed', processed_at = now(), reason = NULL
                        WHERE id = ANY(:ids)""").bindArray("ids", Long.class, ids.toArray()).execute();
        processed.increment(ids.size());
    }
}
