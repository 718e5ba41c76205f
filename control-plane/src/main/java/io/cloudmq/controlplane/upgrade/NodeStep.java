package io.cloudmq.controlplane.upgrade;

import io.cloudmq.api.upgrade.UpgradeNodePhase;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * The planner's view of one node's progress (an {@link UpgradeNodeProgress} row). Immutable.
 *
 * @param nodeId the node
 * @param phase the last step completed
 * @param phaseStartedAt when it was completed, or the resume after it (gate deadlines count from here)
 * @param finishedAt when the node was done, {@code null} before
 */
record NodeStep(String nodeId, UpgradeNodePhase phase, Instant phaseStartedAt, @Nullable Instant finishedAt) {

    boolean done() {
        return phase == UpgradeNodePhase.DONE;
    }
}
