package io.cloudmq.controlplane.canary;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The canary's figures over an interval (or since it started). Immutable.
 *
 * @param sent sends tried
 * @param acknowledged sends answered {@code SEND_OK}
 * @param failed sends that threw or were answered with another status
 * @param received distinct messages received
 * @param duplicated deliveries of a message already received
 * @param lost acknowledged messages not received within the grace period
 * @param latencies send latencies in milliseconds (a sample), sorted ascending
 */
record CanaryTotals(long sent, long acknowledged, long failed, long received, long duplicated, long lost,
        List<Double> latencies) {

    CanaryTotals {
        latencies = List.copyOf(latencies);
    }

    /** The {@code quantile} (0..1) of the latencies by the nearest-rank method, null without any. */
    @Nullable Double latencyQuantile(double quantile) {
        if (latencies.isEmpty()) {
            return null;
        }
        int rank = (int) Math.ceil(quantile * latencies.size());
        return latencies.get(Math.max(0, Math.min(latencies.size(), rank) - 1));
    }

    /** Collects figures; not thread-safe. */
    static final class Builder {
        private final List<Double> latencies = new ArrayList<>();
        private long sent;
        private long acknowledged;
        private long failed;
        private long received;
        private long duplicated;
        private long lost;

        void add(long moreSent, long moreAcknowledged, long moreFailed, long moreReceived, long moreDuplicated,
                long moreLost) {
            sent += moreSent;
            acknowledged += moreAcknowledged;
            failed += moreFailed;
            received += moreReceived;
            duplicated += moreDuplicated;
            lost += moreLost;
        }

        void latency(double millis) {
            latencies.add(millis);
        }

        CanaryTotals build() {
            return new CanaryTotals(sent, acknowledged, failed, received, duplicated, lost,
                    latencies.stream().sorted().toList());
        }
    }
}
