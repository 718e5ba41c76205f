package io.cloudmq.api.upgrade;

/**
 * Life cycle of an upgrade window: {@code SCHEDULED → IN_PROGRESS → COMPLETED | FAILED}, or
 * {@code SCHEDULED → CANCELLED}. Every state but {@code SCHEDULED} and the terminal ones locks the cluster.
 */
public enum UpgradeWindowState {
    SCHEDULED,
    IN_PROGRESS,
    COMPLETED,
    FAILED,
    CANCELLED;

    /** Whether no further transition is possible. */
    public boolean terminal() {
        return this == COMPLETED || this == FAILED || this == CANCELLED;
    }

    /** Whether a window in this state locks the mutations of its cluster's instances. */
    public boolean locking() {
        return this != SCHEDULED && !terminal();
    }
}
