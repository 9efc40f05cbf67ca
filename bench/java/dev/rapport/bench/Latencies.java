package dev.rapport.bench;

import java.util.Arrays;

/**
 * Latency samples in nanoseconds, kept whole (a run has at most a few hundred thousand), so the
 * percentiles are exact. Thread-safe.
 */
final class Latencies {

    /** Exact percentiles of the samples, in milliseconds. */
    record Summary(int count, double p50Millis, double p99Millis, double maxMillis) {
        static final Summary EMPTY = new Summary(0, Double.NaN, Double.NaN, Double.NaN);
    }

    private long[] samples = new long[1 << 16];
    private int size;

    synchronized void record(long nanos) {
        if (size == samples.length) {
            samples = Arrays.copyOf(samples, size * 2);
        }
        samples[size++] = nanos;
    }

    synchronized Summary summary() {
        if (size == 0) {
            return Summary.EMPTY;
        }
        long[] sorted = Arrays.copyOf(samples, size);
        Arrays.sort(sorted);
        return new Summary(
                size, millis(percentile(sorted, 0.50)), millis(percentile(sorted, 0.99)), millis(sorted[size - 1]));
    }

    /** Nearest-rank percentile. */
    private static long percentile(long[] sorted, double fraction) {
        int rank = (int) Math.ceil(fraction * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }

    private static double millis(long nanos) {
        return nanos / 1_000_000.0;
    }
}
