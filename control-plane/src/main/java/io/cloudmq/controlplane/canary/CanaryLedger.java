package io.cloudmq.controlplane.canary;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.BitSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * The bookkeeping of one canary run: every message carries the run's id and a sequence number
 * ({@link CanaryMessage}), so a delivery is matched to its send, a second delivery of the same number counts
 * as duplicated, an acknowledged number not received within {@code lostAfter} counts as lost (and no longer so
 * if it arrives later), and messages of other runs (an earlier process, another replica) are ignored. Every
 * figure goes to the bucket of the message's send time ({@link CanarySeries}) and to the run's totals.
 *
 * <p>Memory: one bit per sequence number received (about 110 KB a day at 10 messages a second) plus the
 * acknowledged messages not received yet. Thread-safe: the sender and the consumer's threads call it; every
 * method is synchronized.
 */
final class CanaryLedger {
    private final String runId;
    private final Duration lostAfter;
    private final CanarySeries series = new CanarySeries();
    private final CanaryBucket overall = new CanaryBucket(0);
    private final Map<Long, Instant> awaited = new TreeMap<>();
    private final BitSet received = new BitSet();
    private final BitSet lost = new BitSet();
    private long nextSequence;
    private @Nullable String lastError;

    CanaryLedger(String runId, Duration lostAfter) {
        this.runId = runId;
        this.lostAfter = lostAfter;
    }

    String runId() {
        return runId;
    }

    /** The next message to send, numbered in this run. */
    synchronized CanaryMessage next(Instant sentAt) {
        return new CanaryMessage(runId, nextSequence++, sentAt.truncatedTo(ChronoUnit.MILLIS));
    }

    /** {@code message} was answered {@code SEND_OK} after {@code latency}. */
    synchronized void acknowledged(CanaryMessage message, Duration latency) {
        double millis = latency.toNanos() / 1_000_000.0;
        record(message.sentAt(), bucket -> {
            bucket.sent++;
            bucket.acknowledged++;
            bucket.latency(millis);
        });
        if (!received.get(toIndex(message.sequence()))) {
            awaited.put(message.sequence(), message.sentAt());
        }
    }

    /** The send of {@code message} threw or was answered with another status than {@code SEND_OK}. */
    synchronized void failed(CanaryMessage message, String error) {
        record(message.sentAt(), bucket -> {
            bucket.sent++;
            bucket.failed++;
        });
        lastError = error;
    }

    /** The consumer received {@code message}; one of another run is ignored. */
    synchronized void received(CanaryMessage message) {
        if (!runId.equals(message.runId())) {
            return;
        }
        int index = toIndex(message.sequence());
        if (received.get(index)) {
            record(message.sentAt(), bucket -> bucket.duplicated++);
            return;
        }
        received.set(index);
        awaited.remove(message.sequence());
        boolean wasLost = lost.get(index);
        lost.clear(index);
        record(message.sentAt(), bucket -> {
            bucket.received++;
            if (wasLost) {
                bucket.lost--;
            }
        });
    }

    /** Counts as lost every acknowledged message sent more than {@code lostAfter} before {@code now}. */
    synchronized void expire(Instant now) {
        Instant deadline = now.minus(lostAfter);
        for (Iterator<Map.Entry<Long, Instant>> it = awaited.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<Long, Instant> entry = it.next();
            if (entry.getValue().isBefore(deadline)) {
                lost.set(toIndex(entry.getKey()));
                record(entry.getValue(), bucket -> bucket.lost++);
                it.remove();
            }
        }
    }

    /** A client error outside a send (e.g. the consumer failed to start). */
    synchronized void error(String error) {
        lastError = error;
    }

    synchronized @Nullable String lastError() {
        return lastError;
    }

    /** The run's counts (latencies excluded; see {@link #between}). */
    synchronized CanaryTotals overall() {
        CanaryTotals.Builder totals = new CanaryTotals.Builder();
        overall.addCountsTo(totals);
        return totals.build();
    }

    /** The figures of the buckets changed since the last call, by bucket start; see {@link CanarySeries#takeChanged}. */
    Map<Instant, CanaryTotals> takeChangedBuckets() {
        return series.takeChanged();
    }

    /** Counts the buckets starting at {@code starts} as changed again (their store failed). */
    void markChanged(Set<Instant> starts) {
        series.markChanged(starts);
    }

    /** The figures of every retained bucket up to {@code now} (the last 24 hours). */
    CanaryTotals retained(Instant now) {
        return series.between(now.minus(CanarySeries.RETAINED), now.plusSeconds(CanarySeries.BUCKET_SECONDS));
    }

    private void record(Instant sentAt, Consumer<CanaryBucket> change) {
        series.update(sentAt, change);
        change.accept(overall);
    }

    private static int toIndex(long sequence) {
        return Math.toIntExact(sequence);
    }
}
