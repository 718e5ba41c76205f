package io.cloudmq.controlplane.upgrade;

import io.cloudmq.api.node.NodeRole;
import io.cloudmq.api.node.NodeState;
import io.cloudmq.api.node.NodeView;
import io.cloudmq.api.node.ReplicationView;
import java.util.Optional;

/**
 * Whether a restarted node may count as done: UP in the registry (its health answered after the restart),
 * reporting the target version from its jar manifest, and, for a broker, in sync — a slave streams from its
 * master within the in-sync lag, a master has a slave in sync again. Stateless; thread-safe.
 */
final class UpgradeGates {
    private final UpgradeNodeControl control;

    UpgradeGates(UpgradeNodeControl control) {
        this.control = control;
    }

    StepOutcome ready(NodeView node, String targetVersion) {
        if (node.state() != NodeState.UP) {
            return StepOutcome.failed("waiting for " + node.nodeId() + " to be UP");
        }
        if (!targetVersion.equals(node.version())) {
            return StepOutcome.failed(node.nodeId() + " reports version " + node.version() + ", not " + targetVersion);
        }
        if (node.role() != NodeRole.BROKER) {
            return StepOutcome.ok(node.nodeId() + " serves " + targetVersion);
        }
        Optional<ReplicationView> replication = control.replication(node);
        if (replication.isEmpty()) {
            return StepOutcome.failed(node.nodeId() + " did not answer its replication state");
        }
        ReplicationView view = replication.get();
        return view.inSync()
                ? StepOutcome.ok(node.nodeId() + " serves " + targetVersion + " as " + view.brokerRole() + ", in sync")
                : StepOutcome.failed(node.nodeId() + " (" + view.brokerRole() + ") not in sync yet, lag "
                        + view.lagBytes() + " bytes");
    }
}
