package dev.rapport.outbox;

/**
 * A token bucket: {@code capacity} tokens, refilled at {@code perSecond}. Times are
 * {@link System#nanoTime()} values passed in, so tests and callers control the clock. Thread-safe.
 */
final class TokenBucket {

    private double capacity;
    private double perNano;
    private double tokens;
    private long refilledAt;

    TokenBucket(double perSecond, double capacity, long now) {
        check(perSecond, capacity);
        this.capacity = capacity;
        this.perNano = perSecond / 1e9;
        this.tokens = capacity;
        this.refilledAt = now;
    }

    /**
     * From {@code now} on, refills at {@code perSecond} up to {@code capacity}. Tokens above the new
     * capacity are dropped, so a smaller rate is not spent as a burst of the larger one's size.
     */
    synchronized void rate(double perSecond, double capacity, long now) {
        check(perSecond, capacity);
        refill(now);
        this.capacity = capacity;
        this.perNano = perSecond / 1e9;
        this.tokens = Math.min(tokens, capacity);
    }

    /** Takes a token and returns 0, or takes nothing and returns the nanoseconds until one is there. */
    synchronized long take(long now) {
        refill(now);
        if (tokens >= 1) {
            tokens -= 1;
            return 0;
        }
        return untilOne();
    }

    /**
     * Takes a token whether or not one is there, and returns the nanoseconds until it would have
     * been: the caller waits that long before using it. Later callers wait behind it.
     */
    synchronized long reserve(long now) {
        refill(now);
        tokens -= 1;
        return tokens >= 0 ? 0 : (long) Math.ceil(-tokens / perNano);
    }

    /** Whole tokens available now (0 while reservations are outstanding). */
    synchronized int available(long now) {
        refill(now);
        return (int) Math.max(0, Math.min(Integer.MAX_VALUE, Math.floor(tokens)));
    }

    /** Nanoseconds until a token is available; 0 when one is. */
    synchronized long waitFor(long now) {
        refill(now);
        return tokens >= 1 ? 0 : untilOne();
    }

    /** True when the bucket is full, so forgetting it changes nothing. */
    synchronized boolean full(long now) {
        refill(now);
        return tokens >= capacity;
    }

    private static void check(double perSecond, double capacity) {
        if (perSecond <= 0 || capacity < 1) {
            throw new IllegalArgumentException(
                    "A rate needs perSecond > 0 and capacity >= 1; got " + perSecond + "/s, capacity " + capacity);
        }
    }

    private long untilOne() {
        return Math.max(1, (long) Math.ceil((1 - tokens) / perNano));
    }

    private void refill(long now) {
        if (now > refilledAt) {
            tokens = Math.min(capacity, tokens + (now - refilledAt) * perNano);
            refilledAt = now;
        }
    }
}
