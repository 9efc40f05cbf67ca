package dev.rapport.outbox;

/**
 * A token bucket: {@code capacity} tokens, refilled at {@code perSecond}. Times are
 * {@link System#nanoTime()} values passed in, so tests and callers control the clock. Not
 * thread-safe: the outbox loop is its only user.
 */
final class TokenBucket {

    private final double capacity;
    private final double perNano;
    private double tokens;
    private long refilledAt;

    TokenBucket(double perSecond, double capacity, long now) {
        if (perSecond <= 0 || capacity < 1) {
            throw new IllegalArgumentException("A rate needs perSecond > 0 and capacity >= 1; got "
                    + perSecond + "/s, capacity " + capacity);
        }
        this.capacity = capacity;
        this.perNano = perSecond / 1e9;
        this.tokens = capacity;
        this.refilledAt = now;
    }

    /** Takes a token and returns 0, or takes nothing and returns the nanoseconds until one is there. */
    long take(long now) {
        refill(now);
        if (tokens >= 1) {
            tokens -= 1;
            return 0;
        }
        return Math.max(1, (long) Math.ceil((1 - tokens) / perNano));
    }

    /** Whole tokens available now. */
    int available(long now) {
        refill(now);
        return (int) Math.min(Integer.MAX_VALUE, Math.floor(tokens));
    }

    /** Nanoseconds until a token is available; 0 when one is. */
    long waitFor(long now) {
        refill(now);
        return tokens >= 1 ? 0 : Math.max(1, (long) Math.ceil((1 - tokens) / perNano));
    }

    /** True when the bucket is full, so forgetting it changes nothing. */
    boolean full(long now) {
        refill(now);
        return tokens >= capacity;
    }

    private void refill(long now) {
        if (now > refilledAt) {
            tokens = Math.min(capacity, tokens + (now - refilledAt) * perNano);
            refilledAt = now;
        }
    }
}
