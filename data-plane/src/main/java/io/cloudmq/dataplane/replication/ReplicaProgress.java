package io.cloudmq.dataplane.replication;

import java.util.ArrayDeque;

/**
 * What a master knows about one connected slave: its confirmed offset and since when it lags. A slave keeps
 * one about itself too ({@link SlaveLag}), so both sides measure the lag in time alike.
 *
 * <p>Time lag: the sender samples the master's end offset whenever it looks for bytes to send
 * ({@link #sampleMasterEnd}). A slave that confirms a sampled end was caught up with the master as
 * of that sample's time; a slave that had confirmed every earlier sample when a new one is taken was
 * caught up until then. The lag time is how long ago that was (0 while nothing is unconfirmed).
 *
 * <p>Threading: thread-safe (synchronized): the sender samples, the ack reader confirms, put threads
 * and metrics read.
 */
public final class ReplicaProgress {
    /** Unconfirmed samples kept at most; dropping old ones only makes the lag look longer. */
    private static final int MAX_SAMPLES = 4096;

    private final String name;
    private final ArrayDeque<long[]> unconfirmedSamples = new ArrayDeque<>();
    private long confirmedOffset;
    private long caughtUpMillis;

    ReplicaProgress(String name, long startOffset, long nowMillis) {
        this.name = name;
        this.confirmedOffset = startOffset;
        this.caughtUpMillis = nowMillis;
    }

    public String name() {
        return name;
    }

    /** Every byte below this offset is in the slave's page cache. */
    public synchronized long confirmedOffset() {
        return confirmedOffset;
    }

    /** Records that the master's log ended at {@code masterEnd} at {@code nowMillis}. */
    synchronized void sampleMasterEnd(long masterEnd, long nowMillis) {
        if (unconfirmedSamples.isEmpty()) {
            caughtUpMillis = Math.max(caughtUpMillis, nowMillis);
        }
        if (masterEnd > confirmedOffset) {
            if (unconfirmedSamples.size() == MAX_SAMPLES) {
                unconfirmedSamples.pollFirst();
            }
            unconfirmedSamples.addLast(new long[] {masterEnd, nowMillis});
        }
    }

    /** Records the slave's confirmation of {@code offset}. */
    synchronized void confirm(long offset, long masterEnd, long nowMillis) {
        confirmedOffset = Math.max(confirmedOffset, offset);
        while (!unconfirmedSamples.isEmpty() && unconfirmedSamples.peekFirst()[0] <= confirmedOffset) {
            caughtUpMillis = Math.max(caughtUpMillis, unconfirmedSamples.pollFirst()[1]);
        }
        if (confirmedOffset >= masterEnd) {
            caughtUpMillis = Math.max(caughtUpMillis, nowMillis);
        }
    }

    /** Bytes the slave has not confirmed. */
    public synchronized long lagBytes(long masterEnd) {
        return Math.max(0, masterEnd - confirmedOffset);
    }

    /** Milliseconds since the slave was last caught up; 0 if it has confirmed everything. */
    public synchronized long lagMillis(long masterEnd, long nowMillis) {
        return confirmedOffset >= masterEnd ? 0 : Math.max(0, nowMillis - caughtUpMillis);
    }
}
