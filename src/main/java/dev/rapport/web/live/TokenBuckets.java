package dev.rapport.web.live;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Token buckets by key (a session, an address): each key may take {@code burst} at once and then
 * {@code perMinute} a minute. Buckets that are full again are forgotten by a sweep, so memory follows
 * the clients active in the last minutes, not every client ever seen. Thread-safe; per instance.
 */
public final class TokenBuckets {

    private static final long SWEEP_EVERY_NANOS = Duration.ofSeconds(30).toNanos();

    private final double perNano;
    private final double burst;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final AtomicLong lastSweep = new AtomicLong(System.nanoTime());

    public TokenBuckets(double perMinute, int burst) {
        this.perNano = perMinute / Duration.ofMinutes(1).toNanos();
        this.burst = burst;
    }

    /** Takes a token for {@code key}; returns zero when it had one, else how long until it will. */
    public Duration take(String key) {
        long now = System.nanoTime();
        sweep(now);
        Bucket bucket = buckets.computeIfAbsent(key, k -> new Bucket(burst, now));
        synchronized (bucket) {
            bucket.refill(now, perNano, burst);
            if (bucket.tokens >= 1) {
                bucket.tokens -= 1;
                return Duration.ZERO;
            }
            return Duration.ofNanos((long) Math.ceil((1 - bucket.tokens) / perNano));
        }
    }

    private void sweep(long now) {
        long last = lastSweep.get();
        if (now - last < SWEEP_EVERY_NANOS || !lastSweep.compareAndSet(last, now)) {
            return;
        }
        buckets.entrySet().removeIf(entry -> {
            Bucket bucket = entry.getValue();
            synchronized (bucket) {
                bucket.refill(now, perNano, burst);
                return bucket.tokens >= burst;
            }
        });
    }

    /** Keys with a bucket right now (for tests and metrics). */
    int size() {
        return buckets.size();
    }

    private static final class Bucket {
        double tokens;
        long updated;

        Bucket(double tokens, long updated) {
            this.tokens = tokens;
            this.updated = updated;
        }

        void refill(long now, double perNano, double burst) {
            tokens = Math.min(burst, tokens + (now - updated) * perNano);
            updated = now;
        }
    }
}
