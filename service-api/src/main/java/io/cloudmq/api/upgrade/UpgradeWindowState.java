package io.cloudmq.api.upgrade;

import java.util.EnumSet;
import java.util.Set;

/**
 * Life cycle of an upgrade window: {@code SCHEDULED → IN_PROGRESS ⇄ PAUSED → COMPLETED}, {@code FAILED} on
 * abort (from {@code IN_PROGRESS} or {@code PAUSED}), {@code CANCELLED} from {@code SCHEDULED}. Every state but
 * {@code SCHEDULED} and the terminal ones locks the cluster.
 */
public enum UpgradeWindowState {
    SCHEDULED,
    IN_PROGRESS,
    PAUSED,
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

    /** Whether the life cycle allows moving from this state to {@code next}. */
    public boolean canMoveTo(UpgradeWindowState next) {
        return successors().contains(next);
    }

    private Set<UpgradeWindowState> successors() {
        return switch (this) {
            case SCHEDULED -> EnumSet.of(IN_PROGRESS, CANCELLED);
            case IN_PROGRESS -> EnumSet.of(PAUSED, COMPLETED, FAILED);
            case PAUSED -> EnumSet.of(IN_PROGRESS, FAILED);
            case COMPLETED, FAILED, CANCELLED -> EnumSet.noneOf(UpgradeWindowState.class);
        };
    }
}
