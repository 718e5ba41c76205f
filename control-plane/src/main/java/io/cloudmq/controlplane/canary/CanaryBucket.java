package io.cloudmq.controlplane.canary;

import java.util.Random;

/**
 * The canary's figures of the messages sent in one {@value CanarySeries#BUCKET_SECONDS}-second bucket: every
 * figure counts a message under the bucket of its send, whenever its outcome is known. Send latencies are kept
 * as a uniform reservoir sample of at most {@value #MAX_LATENCIES} values (exact at the default rate: 100 sends a
 * bucket). Not thread-safe: {@link CanarySeries} guards it.
 */
final class CanaryBucket {
    static final int MAX_LATENCIES = 256;

    private final long number;
    private final double[] latencies = new double[MAX_LATENCIES];
    private final Random random;
    private long latencyCount;
    long sent;
    long acknowledged;
    long failed;
    long received;
    long duplicated;
    long lost;

    CanaryBucket(long number) {
        this.number = number;
        this.random = new Random(number);
    }

    long number() {
        return number;
    }

    void latency(double millis) {
        latencyCount++;
        if (latencyCount <= MAX_LATENCIES) {
            latencies[(int) latencyCount - 1] = millis;
            return;
        }
        long slot = (long) (random.nextDouble() * latencyCount);
        if (slot < MAX_LATENCIES) {
            latencies[(int) slot] = millis;
        }
    }

    /** Adds this bucket's counts to {@code totals}. */
    void addCountsTo(CanaryTotals.Builder totals) {
        totals.add(sent, acknowledged, failed, received, duplicated, lost);
    }

    /** This bucket's counts and latencies. */
    CanaryTotals figures() {
        CanaryTotals.Builder totals = new CanaryTotals.Builder();
        addTo(totals);
        return totals.build();
    }

    /** Adds this bucket's counts and latencies to {@code totals}. */
    void addTo(CanaryTotals.Builder totals) {
        addCountsTo(totals);
        for (int i = 0; i < Math.min(latencyCount, MAX_LATENCIES); i++) {
            totals.latency(latencies[i]);
        }
    }
}
