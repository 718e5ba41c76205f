package io.cloudmq.controlplane.failover;

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
        /** The master is an ASYNC_MASTER (or its role is unknown): promotion needs the operator's opt-in. */
        NOT_SYNC_MASTER,
        /** An upgrade window is running on the cluster. */
        UPGRADE_IN_PROGRESS,
        /** No slave is UP, was in sync and covers the master's last acknowledged offset. */
        NO_SAFE_CANDIDATE
    }
}
