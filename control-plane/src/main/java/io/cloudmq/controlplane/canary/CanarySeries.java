package io.cloudmq.controlplane.canary;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * The canary's time series: one {@link CanaryBucket} per {@value #BUCKET_SECONDS} s of send time, the last
 * {@value #RETAINED_BUCKETS} buckets (24 hours) kept in memory in a ring; older buckets are overwritten and
 * count no more. An interval's figures are the sums of the buckets that overlap it, so they are exact for
 * intervals on bucket bounds and cover up to one bucket more at each end otherwise.
 *
 * <p>The buckets changed since the last {@link #takeChanged} are remembered, so that they can be stored
 * ({@link CanaryBuckets}) while their messages' outcomes still come in.
 *
 * <p>Thread-safe: every method is synchronized (a few calls a second).
 */
final class CanarySeries {
    static final int BUCKET_SECONDS = 10;
    static final int RETAINED_BUCKETS = 24 * 3600 / BUCKET_SECONDS;
    static final Duration RETAINED = Duration.ofSeconds((long) RETAINED_BUCKETS * BUCKET_SECONDS);

    private final CanaryBucket[] ring = new CanaryBucket[RETAINED_BUCKETS];
    private final Set<Long> changed = new TreeSet<>();

    /** Changes the bucket of a message sent at {@code sentAt}. */
    synchronized void update(Instant sentAt, Consumer<CanaryBucket> change) {
        long number = number(sentAt);
        int slot = (int) Math.floorMod(number, (long) RETAINED_BUCKETS);
        CanaryBucket bucket = ring[slot];
        if (bucket == null || bucket.number() < number) {
            bucket = new CanaryBucket(number);
            ring[slot] = bucket;
        } else if (bucket.number() > number) {
            return;
        }
        change.accept(bucket);
        changed.add(number);
    }

    /**
     * The figures of the buckets changed since the last call, by the instant each bucket starts; forgets them
     * (see {@link #markChanged} for a failed store).
     */
    synchronized Map<Instant, CanaryTotals> takeChanged() {
        Map<Instant, CanaryTotals> figures = new TreeMap<>();
        for (long number : changed) {
            CanaryBucket bucket = ring[(int) Math.floorMod(number, (long) RETAINED_BUCKETS)];
            if (bucket != null && bucket.number() == number) {
                figures.put(Instant.ofEpochSecond(number * BUCKET_SECONDS), bucket.figures());
            }
        }
        changed.clear();
        return figures;
    }

    /** Counts the buckets starting at {@code starts} as changed again (their store failed). */
    synchronized void markChanged(Set<Instant> starts) {
        starts.forEach(start -> changed.add(number(start)));
    }

    /** The figures of the buckets that overlap {@code [from, to)} and are still retained. */
    synchronized CanaryTotals between(Instant from, Instant to) {
        CanaryTotals.Builder totals = new CanaryTotals.Builder();
        long last = to.isAfter(from) ? number(to.minusNanos(1)) : number(from) - 1;
        for (long number = Math.max(number(from), last - RETAINED_BUCKETS + 1); number <= last; number++) {
            CanaryBucket bucket = ring[(int) Math.floorMod(number, (long) RETAINED_BUCKETS)];
            if (bucket != null && bucket.number() == number) {
                bucket.addTo(totals);
            }
        }
        return totals.build();
    }

    private static long number(Instant at) {
        return Math.floorDiv(at.getEpochSecond(), BUCKET_SECONDS);
    }
}
