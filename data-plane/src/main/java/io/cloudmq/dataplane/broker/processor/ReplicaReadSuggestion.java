package io.cloudmq.dataplane.broker.processor;

import java.util.function.BooleanSupplier;

/**
 * Read-from-slave advice of a replicated broker group (issue 7). A consumer reading more than
 * {@link #COLD_READ_BYTES} behind the commit log's end reads cold pages; it is sent to the slave while one is
 * in sync, so the master's page cache keeps serving sends and tailing consumers. A slave keeps such a consumer,
 * and keeps every consumer while its master is absent (it does not stream from it); otherwise it sends the
 * consumer back to the master. Thread-safe if the peer state supplier is.
 */
public final class ReplicaReadSuggestion implements PullSuggestion {
    /** Reads starting this far behind the end count as cold. */
    public static final long COLD_READ_BYTES = 256L << 20;
    /** The broker id a master suggests for cold reads: the group's first slave. */
    static final long SLAVE_ID = 1;
    private static final long MASTER_ID = 0;

    private final boolean master;
    private final long ownBrokerId;
    private final BooleanSupplier peerAvailable;

    private ReplicaReadSuggestion(boolean master, long ownBrokerId, BooleanSupplier peerAvailable) {
        this.master = master;
        this.ownBrokerId = ownBrokerId;
        this.peerAvailable = peerAvailable;
    }

    /** The advice of a master; {@code slaveInSync} tells whether a slave is in sync now. */
    public static PullSuggestion onMaster(BooleanSupplier slaveInSync) {
        return new ReplicaReadSuggestion(true, MASTER_ID, slaveInSync);
    }

    /** The advice of the slave {@code brokerId}; {@code masterStreaming} tells whether its master is present. */
    public static PullSuggestion onSlave(long brokerId, BooleanSupplier masterStreaming) {
        return new ReplicaReadSuggestion(false, brokerId, masterStreaming);
    }

    @Override
    public long brokerIdFor(long behindBytes) {
        boolean cold = behindBytes > COLD_READ_BYTES;
        if (master) {
            return cold && peerAvailable.getAsBoolean() ? SLAVE_ID : MASTER_ID;
        }
        return cold || !peerAvailable.getAsBoolean() ? ownBrokerId : MASTER_ID;
    }
}
