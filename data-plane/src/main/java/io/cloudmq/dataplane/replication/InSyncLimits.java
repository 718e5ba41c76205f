package io.cloudmq.dataplane.replication;

import java.time.Duration;

/**
 * When a slave counts as in sync with its master: it is at most {@code maxLagBytes} behind the master's end and
 * was caught up with the master at most {@code maxLag} ago. Both sides apply it: the master to decide whether a
 * SYNC_MASTER put can wait for a slave, the slave to report itself in sync. Immutable.
 *
 * @param maxLagBytes largest lag in bytes of a slave in sync, at least 1
 * @param maxLag longest time since a slave in sync was last caught up, at least 1 ms
 */
public record InSyncLimits(long maxLagBytes, Duration maxLag) {

    public InSyncLimits {
        if (maxLagBytes < 1 || maxLag.toMillis() < 1) {
            throw new IllegalArgumentException("in-sync limits must be positive: " + maxLagBytes + " bytes, " + maxLag);
        }
    }

    /** 64 MiB and 3 s (see {@link ReplicationConfig#defaults}). */
    public static InSyncLimits defaults() {
        return new InSyncLimits(64L * 1024 * 1024, Duration.ofSeconds(3));
    }

    /** Whether a slave {@code lagBytes} behind and last caught up {@code lagMillis} ago is in sync. */
    public boolean admit(long lagBytes, long lagMillis) {
        return lagBytes <= maxLagBytes && lagMillis <= maxLag.toMillis();
    }
}
