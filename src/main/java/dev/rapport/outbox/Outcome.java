package dev.rapport.outbox;

import java.time.Duration;
import java.time.Instant;

/**
 * What becomes of one claimed row; written with the rest of its batch in one transaction.
 * {@code decidedAt} ({@link System#nanoTime()}) is when the channel answered, so that a wait is
 * counted from then and not from when the batch is written.
 */
record Outcome(ClaimedRow row, Kind kind, Duration delay, String error, String externalId, Instant at, long decidedAt) {

    enum Kind {
        /** Delivered: {@code sent}, with the channel's id. */
        SENT,
        /** Failed for now: one attempt more, due again after {@code delay}. */
        RETRY,
        /** Not tried (the chat's rate was used up): due again after {@code delay}, no attempt counted. */
        RELEASE,
        /** Given up: {@code dead}, with an {@code outbox.dead_letter} event. */
        DEAD,
        /** The customer blocked the bot: this row {@code dead}, the chat's other rows {@code skipped}. */
        UNREACHABLE
    }

    static Outcome sent(ClaimedRow row, String externalId, Instant at) {
        return new Outcome(row, Kind.SENT, Duration.ZERO, null, externalId, at, System.nanoTime());
    }

    static Outcome retry(ClaimedRow row, Duration delay, String error) {
        return new Outcome(row, Kind.RETRY, delay, error, null, null, System.nanoTime());
    }

    static Outcome release(ClaimedRow row, Duration delay) {
        return new Outcome(row, Kind.RELEASE, delay, null, null, null, System.nanoTime());
    }

    static Outcome dead(ClaimedRow row, String error) {
        return new Outcome(row, Kind.DEAD, Duration.ZERO, error, null, null, System.nanoTime());
    }

    static Outcome unreachable(ClaimedRow row, String error) {
        return new Outcome(row, Kind.UNREACHABLE, Duration.ZERO, error, null, null, System.nanoTime());
    }

    /** What is left of {@code delay} at {@code now}; never negative. */
    Duration remainingDelay(long now) {
        long left = delay.toNanos() - (now - decidedAt);
        return left <= 0 ? Duration.ZERO : Duration.ofNanos(left);
    }

    /** When the row is due again, as a {@link System#nanoTime()} value. */
    long dueAt() {
        return decidedAt + delay.toNanos();
    }
}
