package io.cloudmq.api.upgrade;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Where an upgrade window stands on one node.
 *
 * @param nodeId the node
 * @param phase the last step completed
 * @param startedAt when the window first touched the node
 * @param phaseStartedAt when the node entered {@code phase} (a resume restarts this clock for the gates)
 * @param finishedAt when the node reached {@link UpgradeNodePhase#DONE}, {@code null} before
 * @param detail what the last step or gate reported
 */
public record NodeUpgradeProgressView(
        String nodeId,
        UpgradeNodePhase phase,
        Instant startedAt,
        Instant phaseStartedAt,
        @Nullable Instant finishedAt,
        String detail) {}
