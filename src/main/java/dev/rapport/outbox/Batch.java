package dev.rapport.outbox;

import dev.rapport.channel.Reply;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Rows claimed together. Sender threads add outcomes as their calls end; when the last chat task
 * is done the loop writes all outcomes in one transaction. {@code outcomes} and {@code tasksLeft}
 * are thread-safe; the rest is set by the loop before any task starts.
 */
final class Batch {

    /** One row to send, its reply already decoded. */
    record Send(ClaimedRow row, Reply reply) {
    }

    final List<ClaimedRow> rows;
    final long claimedAt;
    /** Sends start before this ({@link System#nanoTime()}): the first half of the lease. */
    final long sendBy;
    final Queue<Outcome> outcomes = new ConcurrentLinkedQueue<>();
    final Set<String> chats = new HashSet<>();
    final AtomicInteger tasksLeft = new AtomicInteger();

    Batch(List<ClaimedRow> rows, long claimedAt, Duration lease) {
        this.rows = rows;
        this.claimedAt = claimedAt;
        this.sendBy = claimedAt + lease.toNanos() / 2;
    }
}
