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
 * is done the loop writes all outcomes in one transaction. {@code outcomes}, {@code tasksLeft} and
 * the lease end are thread-safe; the rest is set by the loop before any task starts.
 */
final class Batch {

    /** One row to send, its reply already decoded. */
    record Send(ClaimedRow row, Reply reply) {}

    final List<ClaimedRow> rows;
    final long claimedAt;
    final Queue<Outcome> outcomes = new ConcurrentLinkedQueue<>();
    final Set<String> chats = new HashSet<>();
    final AtomicInteger tasksLeft = new AtomicInteger();
    private final long longestCall;
    /** {@link System#nanoTime()} by which the rows' lease runs out, as last set or renewed; written by the loop. */
    private volatile long leaseEnd;

    /**
     * @param claimedAt   when the claim was asked for (before the database set the lease)
     * @param longestCall the longest a channel call may take: a send starts only while at least this
     *                    much of the lease is left, so it ends before another process may take the row
     */
    Batch(List<ClaimedRow> rows, long claimedAt, Duration lease, Duration longestCall) {
        this.rows = rows;
        this.claimedAt = claimedAt;
        this.longestCall = longestCall.toNanos();
        this.leaseEnd = claimedAt + lease.toNanos();
    }

    /** Sends start before this ({@link System#nanoTime()}). */
    long sendBy() {
        return leaseEnd - longestCall;
    }

    long leaseEnd() {
        return leaseEnd;
    }

    /** The database extended the rows' lease in a statement that started at {@code renewalStarted}. */
    void renewed(long renewalStarted, Duration lease) {
        leaseEnd = renewalStarted + lease.toNanos();
    }
}
