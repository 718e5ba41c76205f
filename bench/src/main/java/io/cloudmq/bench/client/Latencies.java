package io.cloudmq.bench.client;

import java.util.Arrays;

/**
 * Collects latency samples in nanoseconds and answers percentiles. Samples are kept exactly (a benchmark phase
 * records at most a few million), so percentiles are exact, not bucketed.
 *
 * <p>Threading: {@link #record} is safe from many threads (synchronized); read percentiles after recording ends.
 */
public final class Latencies {
    private long[] samples = new long[1024];
    private int size;
    private boolean sorted;

    public synchronized void record(long nanos) {
        if (size == samples.length) {
            samples = Arrays.copyOf(samples, size * 2);
        }
        samples[size++] = nanos;
        sorted = false;
    }

    public synchronized int count() {
        return size;
    }

    /** The {@code percentile} (0 to 100) in milliseconds, or NaN without samples. */
    public synchronized double millis(double percentile) {
        if (size == 0) {
            return Double.NaN;
        }
        if (!sorted) {
            Arrays.sort(samples, 0, size);
            sorted = true;
        }
        int index = (int) Math.min(size - 1, Math.max(0, Math.ceil(percentile / 100 * size) - 1));
        return samples[index] / 1e6;
    }
}
