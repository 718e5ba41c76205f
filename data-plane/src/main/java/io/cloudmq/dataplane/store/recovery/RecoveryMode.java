package io.cloudmq.dataplane.store.recovery;

/** How the store was recovered at open. */
public enum RecoveryMode {
    /** The last run shut down cleanly: the checkpoint is trusted. */
    NORMAL,
    /** The abort marker was found: the log tail was validated and derived data rebuilt. */
    CRASH
}
