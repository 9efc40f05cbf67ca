package dev.rapport.outbox;

import java.time.Instant;

/**
 * An outbox row this process holds a lease on. {@code replyJson} is decoded by the sender, so one
 * unreadable row is dead-lettered instead of failing the whole claim. {@code unreachable}: the
 * chat's channel account is marked unreachable, so the row is skipped, not sent.
 */
record ClaimedRow(
        long id,
        String dedupKey,
        String channel,
        String chatKey,
        String replyJson,
        int attempts,
        Instant createdAt,
        boolean unreachable) {

    /** The key of the chat this row goes to, across channels. */
    String chat() {
        return channel + ':' + chatKey;
    }
}
