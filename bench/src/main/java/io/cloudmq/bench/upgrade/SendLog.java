package io.cloudmq.bench.upgrade;

import io.cloudmq.bench.client.Latencies;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongPredicate;

/**
 * What became of every message of a paced load, by sequence number: its send's outcome and latency (from the
 * call to the producer to its answer), why it failed, and how often the consumer group received it and from
 * where. Message {@code n} is due at {@code begin + n / rate} ({@link #begin} is called when sending starts,
 * after the clients started).
 *
 * <table>
 *   <caption>outcome slot of message n</caption>
 *   <tr><th>value</th><th>meaning</th></tr>
 *   <tr><td>0</td><td>not answered (yet)</td></tr>
 *   <tr><td>&gt; 0</td><td>acknowledged ({@code SEND_OK}); the send latency in nanoseconds</td></tr>
 *   <tr><td>{@value #FAILED}</td><td>failed: exception, {@code onException} or another status</td></tr>
 * </table>
 *
 * <p>A further delivery of a message is a <b>redelivery</b> when it comes from the same stored message (broker,
 * queue, offset) as the first, and a <b>second copy</b> when it comes from another one (the producer's client
 * stored it twice: a retry after a send whose answer it did not get).
 *
 * <p>Threading: every method is safe from any thread (atomic arrays, concurrent maps); figures read while sends
 * are still answered are a snapshot.
 */
final class SendLog {
    static final long FAILED = -1;

    private final int rate;
    private final AtomicLongArray outcomes;
    private final AtomicIntegerArray deliveries;
    private final AtomicLongArray firstStoredAt;
    private final Map<Long, String> failureReasons = new ConcurrentHashMap<>();
    private final LongAdder redeliveries = new LongAdder();
    private final LongAdder secondCopies = new LongAdder();
    private volatile long startNanos;
    private volatile long startEpochMillis;

    /** A log for at most {@code capacity} messages paced at {@code rate} per second from {@link #begin}. */
    SendLog(int rate, int capacity) {
        this.rate = rate;
        this.outcomes = new AtomicLongArray(capacity);
        this.deliveries = new AtomicIntegerArray(capacity);
        this.firstStoredAt = new AtomicLongArray(capacity);
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

    /** The first message due at or after {@code at} (may be beyond the messages sent). */
    long firstDueAt(Instant at) {
        return Math.max(0, -Math.floorDiv(-(at.toEpochMilli() - startEpochMillis) * rate, 1000));
    }

    /** Message {@code n}, handed to its producer at {@code calledNanos}, was acknowledged now. */
    void acknowledged(long n, long calledNanos) {
        outcomes.set((int) n, Math.max(1, System.nanoTime() - calledNanos));
    }

    void failed(long n, String reason) {
        outcomes.set((int) n, FAILED);
        failureReasons.put(n, reason);
    }

    /**
     * Counts a delivery of message {@code n} (ignored outside the log) stored at {@code storedAt}, a number
     * that names the broker, queue and offset (never 0).
     */
    void delivered(long n, long storedAt) {
        if (n < 0 || n >= deliveries.length()) {
            return;
        }
        if (deliveries.incrementAndGet((int) n) > 1 || !firstStoredAt.compareAndSet((int) n, 0, storedAt)) {
            (firstStoredAt.get((int) n) == storedAt ? redeliveries : secondCopies).increment();
        }
    }

    long outcome(long n) {
        return outcomes.get((int) n);
    }

    int deliveries(long n) {
        return deliveries.get((int) n);
    }

    long redeliveries() {
        return redeliveries.sum();
    }

    long secondCopies() {
        return secondCopies.sum();
    }

    /** Messages in {@code [from, to)} whose outcome matches. */
    long count(long from, long to, LongPredicate outcome) {
        return countMessages(from, to, n -> outcome.test(outcome(n)));
    }

    /** Failed sends in {@code [from, to)} by reason, in reason order. */
    Map<String, Long> failureReasons(long from, long to) {
        Map<String, Long> reasons = new TreeMap<>();
        failureReasons.forEach((n, reason) -> {
            if (n >= from && n < to) {
                reasons.merge(reason, 1L, Long::sum);
            }
        });
        return reasons;
    }

    /** Acknowledged messages in {@code [from, to)} the group has not received. */
    long lost(long from, long to) {
        return countMessages(from, to, n -> outcome(n) > 0 && deliveries(n) == 0);
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

    /** Messages in {@code [from, to)} for which {@code test} holds. */
    long countMessages(long from, long to, LongPredicate test) {
        long count = 0;
        for (long n = from; n < to; n++) {
            if (test.test(n)) {
                count++;
            }
        }
        return count;
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
