package dev.rapport.outbox;

import dev.rapport.store.EventLog;
import java.util.LinkedHashMap;
import org.jdbi.v3.core.Handle;

/**
 * What a dead or unreachable outcome causes besides its own row, written in the outcome write's
 * transaction ({@link OutboxStore#write}): events, the chat's other pending rows skipped, the account
 * marked. Static and stateless; thread-safe.
 */
final class OutcomeEvents {

    private static final int MAX_ERROR_LENGTH = 2000;

    private OutcomeEvents() {}

    /** A dead-letter event for a row given up on. */
    static void deadLetter(Handle handle, Outcome outcome) {
        ClaimedRow row = outcome.row();
        var data = new LinkedHashMap<String, Object>();
        data.put("outbox_id", row.id());
        data.put("dedup_key", row.dedupKey());
        data.put("attempts", row.attempts() + 1);
        data.put("reason", truncate(outcome.error()));
        EventLog.record(
                handle,
                OutboxEvent.DEAD_LETTER,
                row.channel(),
                row.chatKey(),
                customerId(handle, row.channel(), row.chatKey()),
                data);
    }

    /**
     * The customer of the row's chat blocked the bot: the chat's other pending rows are skipped, its
     * account is marked unreachable (the first reason stands), and an event says so.
     */
    static void unreachable(Handle handle, Outcome outcome) {
        ClaimedRow row = outcome.row();
        int skipped = skipChat(handle, row.channel(), row.chatKey(), row.id(), truncate(outcome.error()));
        handle.createUpdate("""
                        UPDATE channel_accounts SET unreachable_at = now(), unreachable_reason = :reason
                        WHERE channel = :channel AND chat_key = :chatKey AND unreachable_at IS NULL""")
                .bind("reason", truncate(outcome.error()))
                .bind("channel", row.channel())
                .bind("chatKey", row.chatKey())
                .execute();
        var data = new LinkedHashMap<String, Object>();
        data.put("reason", truncate(outcome.error()));
        data.put("outbox_id", row.id());
        data.put("skipped", skipped);
        EventLog.record(
                handle,
                OutboxEvent.CUSTOMER_UNREACHABLE,
                row.channel(),
                row.chatKey(),
                customerId(handle, row.channel(), row.chatKey()),
                data);
    }

    /**
     * Skips a chat's pending rows but {@code exceptId}; the reason is the account's when not given. The
     * chat's pending rows are found through the queue's chat index; leaving {@code pending} takes them
     * out of the queue (the outbox's trigger, V123).
     */
    static int skipChat(Handle handle, String channel, String chatKey, long exceptId, String reason) {
        return handle.createUpdate("""
                        UPDATE outbox SET status = 'skipped',
                               last_error = 'customer unreachable: ' || coalesce(CAST(:reason AS text),
                                   (SELECT unreachable_reason FROM channel_accounts
                                    WHERE channel = :channel AND chat_key = :chatKey), 'blocked the bot')
                        WHERE id = ANY(ARRAY(SELECT q.id FROM outbox_queue q
                                             WHERE q.channel = :channel AND q.chat_key = :chatKey AND q.id <> :exceptId))
                          AND status = 'pending'""")
                .bind("channel", channel)
                .bind("chatKey", chatKey)
                .bind("exceptId", exceptId)
                .bind("reason", reason)
                .execute();
    }

    private static Long customerId(Handle handle, String channel, String chatKey) {
        return handle.createQuery(
                        "SELECT customer_id FROM channel_accounts WHERE channel = :channel AND chat_key = :chatKey")
                .bind("channel", channel)
                .bind("chatKey", chatKey)
                .mapTo(Long.class)
                .findOne()
                .orElse(null);
    }

    /** An error as stored: at most {@value #MAX_ERROR_LENGTH} characters and an ellipsis. */
    static String truncate(String error) {
        return error == null || error.length() <= MAX_ERROR_LENGTH ? error : error.substring(0, MAX_ERROR_LENGTH) + "…";
    }
}
