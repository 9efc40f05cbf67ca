package dev.rapport.outbox;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Exponential back-off with jitter after a transient failure: about {@code base}, 2×, 4×… capped at
 * {@code cap}, each ±20 % so that chats failing together do not retry together. Immutable.
 */
record Backoff(Duration base, Duration cap) {

    static final Backoff DEFAULT = new Backoff(Duration.ofSeconds(1), Duration.ofMinutes(5));

    /** The wait after the {@code failures}-th failure in a row (1 for the first). */
    Duration after(int failures) {
        int doublings = Math.max(0, Math.min(failures - 1, 30));
        double millis = Math.min((double) cap.toMillis(), base.toMillis() * Math.pow(2, doublings));
        double jittered = millis * ThreadLocalRandom.current().nextDouble(0.8, 1.2);
        return Duration.ofMillis(Math.max(1, Math.round(Math.min(jittered, cap.toMillis()))));
    }
}
