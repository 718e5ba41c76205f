package io.cloudmq.controlplane.failover;

import java.time.Duration;

/** What the failover policy decided for a group: promote one slave, or hold and why. */
sealed interface FailoverDecision {

    /**
     * Promote {@code nodeId} to master in {@code epoch}.
     *
     * @param confirmedOffset the candidate's commit-log end (everything it confirmed)
     * @param masterAcknowledgedOffset the dead master's last known SYNC-acknowledged offset, at most
     *     {@code confirmedOffset}
     */
    record Promote(String nodeId, long epoch, long confirmedOffset, long masterAcknowledgedOffset)
            implements FailoverDecision {}

    /**
     * Promote {@code nodeId} of an ASYNC_MASTER group in {@code epoch}, as the operator opted in to: sends the
     * dead master acknowledged beyond the candidate's confirmed offset are lost.
     *
     * @param report what the loss is known to be
     */
    record PromoteAsync(String nodeId, long epoch, AsyncLossReport report) implements FailoverDecision {}

    /**
     * The known loss of an ASYNC_MASTER promotion: at most {@link #knownLossBytes()} plus what the master
     * wrote during {@code reportAge}.
     *
     * @param slaveConfirmedOffset the candidate's commit-log end
     * @param masterEndOffset the dead master's end offset in its last replication report
     * @param reportAge how old that report was at the decision
     */
    record AsyncLossReport(long slaveConfirmedOffset, long masterEndOffset, Duration reportAge) {

        /** Bytes the master had beyond the candidate when it last reported. */
        long knownLossBytes() {
            return Math.max(0, masterEndOffset - slaveConfirmedOffset);
        }
    }

    /** Leave the group as it is. */
    record Hold(HoldReason reason) implements FailoverDecision {}

    /** Why a group is left as it is. */
    enum HoldReason {
        /** The master answers its health checks. */
        MASTER_UP,
        /** No broker of the group has broker id 0 in the registry. */
        NO_MASTER,
        /** The master is DOWN, but not yet for the configured time. */
        MASTER_DOWN_TOO_BRIEFLY,
        /**
         * The group is configured ASYNC_MASTER, or its master ran as one, without the operator's opt-in
         * ({@code cloudmq.failover.async-master}); or the master never reported a master role.
         */
        NOT_SYNC_MASTER,
        /** An upgrade window is running on the cluster. */
        UPGRADE_IN_PROGRESS,
        /**
         * No slave is UP, was in sync and covers the master's last acknowledged offset (ASYNC_MASTER opt-in: no
         * slave is UP).
         */
        NO_SAFE_CANDIDATE
    }
}
