package io.cloudmq.dataplane.replication;

import java.time.Clock;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.jspecify.annotations.Nullable;

/**
 * A slave's view of its own lag behind its master, measured as the master measures it
 * ({@link ReplicaProgress}): every end offset the master reports is a sample, and this log's end after the
 * bytes that came with it is what the slave confirms. The lag in bytes is the master's last reported end minus
 * this log's end; the lag in time is how long ago the slave was last caught up with a reported end (0 while it
 * holds the last reported end). The slave is in sync while both are within {@link InSyncLimits}.
 *
 * <p>Threading: thread-safe: the replication thread starts sessions and reports ends, any thread reads.
 */
final class SlaveLag {
    private final String name;
    private final LongSupplier localEnd;
    private final InSyncLimits limits;
    private final Clock clock;
    private final AtomicLong masterEnd = new AtomicLong();
    private volatile @Nullable ReplicaProgress progress;

    /**
     * @param name the slave's name
     * @param localEnd this log's end offset
     */
    SlaveLag(String name, LongSupplier localEnd, InSyncLimits limits, Clock clock) {
        this.name = name;
        this.localEnd = localEnd;
        this.limits = limits;
        this.clock = clock;
    }

    /** A session starts streaming from this log's end (cut to the common point): caught up as of now. */
    void sessionStarted() {
        progress = new ReplicaProgress(name, localEnd.getAsLong(), clock.millis());
    }

    /** The master reported its end offset, after this log appended the bytes that came with the report. */
    void masterEnd(long offset) {
        ReplicaProgress current = progress;
        if (current == null) {
            throw new IllegalStateException("a master end reported before any session started");
        }
        long now = clock.millis();
        current.sampleMasterEnd(offset, now);
        current.confirm(localEnd.getAsLong(), offset, now);
        masterEnd.set(offset);
    }

    /** Bytes behind the master's last reported end. */
    long lagBytes() {
        return Math.max(0, masterEnd.get() - localEnd.getAsLong());
    }

    /** Milliseconds since this slave last held the master's reported end; 0 if it holds the last one. */
    long lagMillis() {
        ReplicaProgress current = progress;
        return current == null ? 0 : current.lagMillis(masterEnd.get(), clock.millis());
    }

    /** Whether both lags are within the in-sync limits. */
    boolean withinLimits() {
        return limits.admit(lagBytes(), lagMillis());
    }
}
