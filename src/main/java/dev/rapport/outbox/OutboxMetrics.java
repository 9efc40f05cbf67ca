package dev.rapport.outbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The outbox's meters. In Prometheus: {@code rapport_outbox_sends_total{result}},
 * {@code rapport_outbox_send_latency_seconds} (one channel call), {@code rapport_outbox_delivery_delay_seconds}
 * (queued to delivered), {@code rapport_outbox_skipped_total}, {@code rapport_outbox_depth} and
 * {@code rapport_outbox_oldest_age_seconds}. The two gauges hold values the loop refreshes from SQL
 * every few seconds, so a scrape never queries the database. Thread-safe.
 */
final class OutboxMetrics {

    enum Result {
        DELIVERED("delivered"),
        RETRY_AFTER("retry_after"),
        TRANSIENT("transient"),
        UNREACHABLE("unreachable"),
        REJECTED("rejected"),
        DEAD("dead");

        final String tag;

        Result(String tag) {
            this.tag = tag;
        }
    }

    private final Map<Result, Counter> sends = new EnumMap<>(Result.class);
    private final Timer latency;
    private final Timer deliveryDelay;
    private final Counter skipped;
    private final AtomicLong depth = new AtomicLong();
    private final AtomicLong oldestAgeMillis = new AtomicLong();

    OutboxMetrics(MeterRegistry registry) {
        for (Result result : Result.values()) {
            sends.put(
                    result,
                    Counter.builder("rapport.outbox.sends")
                            .description("Outbox delivery attempts by result")
                            .tag("result", result.tag)
                            .register(registry));
        }
        latency = Timer.builder("rapport.outbox.send.latency")
                .description("Time one channel call took")
                .publishPercentiles(0.5, 0.95, 0.99)
                .register(registry);
        deliveryDelay = Timer.builder("rapport.outbox.delivery.delay")
                .description("Time from queueing a reply to its delivery")
                .publishPercentiles(0.5, 0.95, 0.99)
                .register(registry);
        skipped = Counter.builder("rapport.outbox.skipped")
                .description("Replies not sent because the customer is unreachable")
                .register(registry);
        Gauge.builder("rapport.outbox.depth", depth, AtomicLong::get)
                .description("Pending outbox rows (refreshed every few seconds)")
                .register(registry);
        Gauge.builder("rapport.outbox.oldest.age", oldestAgeMillis, millis -> millis.get() / 1000.0)
                .description("Age of the oldest pending outbox row (refreshed every few seconds)")
                .baseUnit("seconds")
                .register(registry);
    }

    void send(Result result, Duration took) {
        sends.get(result).increment();
        latency.record(took);
    }

    /** A result reached without a channel call (an unreadable row). */
    void count(Result result) {
        sends.get(result).increment();
    }

    void delivered(Duration sinceQueued) {
        deliveryDelay.record(sinceQueued.isNegative() ? Duration.ZERO : sinceQueued);
    }

    void skipped(int rows) {
        skipped.increment(rows);
    }

    void depth(OutboxStore.Depth value) {
        depth.set(value.pending());
        oldestAgeMillis.set(Math.round(value.oldestAgeSeconds() * 1000));
    }
}
