package io.cloudmq.bench.upgrade;

import io.cloudmq.bench.client.Latencies;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.function.LongPredicate;

/**
 * What became of every message of a paced load, by sequence number: its send's outcome and latency, and how
 * often the consumer group received it. Message {@code n} is due at {@code begin + n / rate} ({@link #begin} is
 * called when sending starts, after the clients started); its send latency
 * runs from that due time (not from when the client was called, so a sender that fell behind shows as latency)
 * to the send's answer.
 *
 * <table>
 *   <caption>outcome slot of message n</caption>
 *   <tr><th>value</th><th>meaning</th></tr>
 *   <tr><td>0</td><td>not answered (yet)</td></tr>
 *   <tr><td>&gt; 0</td><td>acknowledged ({@code SEND_OK}); the send latency in nanoseconds</td></tr>
 *   <tr><td>{@value #FAILED}</td><td>failed: exception, {@code onException} or another status</td></tr>
 * </table>
 *
 * <p>Threading: every method is safe from any thread (atomic arrays); figures read while sends are still
 * answered are a snapshot.
 */
final class SendLog {
    static final long FAILED = -1;

    private final int rate;
    private volatile long startNanos;
    private volatile long startEpochMillis;
    private final AtomicLongArray outcomes;
    private final AtomicIntegerArray deliveries;

    /** A log for at most {@code capacity} messages paced at {@code rate} per second from {@link #begin}. */
    SendLog(int rate, int capacity) {
        this.rate = rate;
        this.outcomes = new AtomicLongArray(capacity);
        this.deliveries = new AtomicIntegerArray(capacity);
        begin();
    }

    /** Makes now the time message 0 is due. */
    void begin() {
        startEpochMillis = System.currentTimeMillis();
        startNanos = System.nanoTime();
    }

    int capacity() {
        return outcomes.length();
    }

    /** When message {@code n} is due, on the {@link System#nanoTime} clock. */
    long dueNanos(long n) {
        return startNanos + n * TimeUnit.SECONDS.toNanos(1) / rate;
    }

    /** When message {@code n} is due, on the wall clock (comparable with the control plane's timestamps). */
    long dueEpochMillis(long n) {
        return startEpochMillis + n * 1000 / rate;
    }

    /** The first message due at or after {@code at} (may be beyond the messages sent). */
    long firstDueAt(Instant at) {
        return Math.max(0, -Math.floorDiv(-(at.toEpochMilli() - startEpochMillis) * rate, 1000));
    }

    void acknowledged(long n) {
        outcomes.set((int) n, Math.max(1, System.nanoTime() - dueNanos(n)));
    }

    void failed(long n) {
        outcomes.set((int) n, FAILED);
    }

    /** Counts a delivery of message {@code n} to the consumer group (ignored outside the log). */
    void delivered(long n) {
        if (n >= 0 && n < deliveries.length()) {
            deliveries.incrementAndGet((int) n);
        }
    }

    long outcome(long n) {
        return outcomes.get((int) n);
    }

    int deliveries(long n) {
        return deliveries.get((int) n);
    }

    /** Messages in {@code [from, to)} whose outcome matches. */
    long count(long from, long to, LongPredicate outcome) {
        long count = 0;
        for (long n = from; n < to; n++) {
            if (outcome.test(outcome(n))) {
                count++;
            }
        }
        return count;
    }

    /** Acknowledged messages in {@code [from, to)} the group has not received. */
    long lost(long from, long to) {
        long lost = 0;
        for (long n = from; n < to; n++) {
            if (outcome(n) > 0 && deliveries(n) == 0) {
                lost++;
            }
        }
        return lost;
    }

    /** Deliveries of acknowledged messages in {@code [from, to)} beyond the first of each. */
    long duplicates(long from, long to) {
        long duplicates = 0;
        for (long n = from; n < to; n++) {
            if (outcome(n) > 0 && deliveries(n) > 1) {
                duplicates += deliveries(n) - 1;
            }
        }
        return duplicates;
    }

    /** Send latencies of the acknowledged messages in {@code [from, to)}. */
    Latencies latencies(long from, long to) {
        Latencies latencies = new Latencies();
        for (long n = from; n < to; n++) {
            long outcome = outcome(n);
            if (outcome > 0) {
                latencies.record(outcome);
            }
        }
        return latencies;
    }
}
