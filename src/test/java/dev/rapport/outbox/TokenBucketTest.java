package dev.rapport.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class TokenBucketTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void aBurstIsAllowedThenOneTokenPerInterval() {
        var bucket = new TokenBucket(1, 3, 0);

        assertThat(bucket.take(0)).isZero();
        assertThat(bucket.take(0)).isZero();
        assertThat(bucket.take(0)).isZero();
        assertThat(bucket.take(0)).isEqualTo(SECOND);
        assertThat(bucket.take(SECOND / 2)).isEqualTo(SECOND / 2);
        assertThat(bucket.take(SECOND)).isZero();
    }

    @Test
    void anIdleBucketFillsUpToItsCapacityOnly() {
        var bucket = new TokenBucket(10, 2, 0);
        bucket.take(0);
        bucket.take(0);

        assertThat(bucket.available(100 * SECOND)).isEqualTo(2);
        assertThat(bucket.full(100 * SECOND)).isTrue();
    }

    @Test
    void aLowerRateDropsTheTokensAboveItsCapacityAndRefillsSlower() {
        var bucket = new TokenBucket(10, 10, 0);

        bucket.rate(5, 5, 0);

        assertThat(bucket.available(0)).isEqualTo(5);
        for (int i = 0; i < 5; i++) {
            assertThat(bucket.take(0)).isZero();
        }
        assertThat(bucket.take(0)).isEqualTo(SECOND / 5);
        assertThat(bucket.available(SECOND)).isEqualTo(5);
    }

    @Test
    void reservationsQueueUpBehindEachOther() {
        var bucket = new TokenBucket(10, 1, 0);

        assertThat(bucket.reserve(0)).isZero();
        assertThat(bucket.reserve(0)).isEqualTo(SECOND / 10);
        assertThat(bucket.reserve(0)).isEqualTo(2 * SECOND / 10);
        assertThat(bucket.available(0)).isZero();
        assertThat(bucket.available(3 * SECOND / 10)).isEqualTo(1);
    }

    @Test
    void backOffDoublesWithJitterUpToTheCap() {
        var backoff = new Backoff(Duration.ofSeconds(1), Duration.ofMinutes(5));

        for (int i = 0; i < 50; i++) {
            assertThat(backoff.after(1)).isBetween(Duration.ofMillis(800), Duration.ofMillis(1200));
            assertThat(backoff.after(3)).isBetween(Duration.ofMillis(3200), Duration.ofMillis(4800));
            assertThat(backoff.after(30))
                    .isLessThanOrEqualTo(Duration.ofMinutes(5))
                    .isGreaterThan(Duration.ofMinutes(3));
        }
    }
}
