package io.cloudmq.controlplane.upgrade;

import io.cloudmq.api.node.NodeRole;
import io.cloudmq.api.node.NodeState;
import io.cloudmq.api.node.NodeView;
import io.cloudmq.api.node.ReplicationView;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Whether a restarted node may count as done: UP in the registry (its health answered after the restart),
 * reporting the target version from its jar manifest, and then, for a broker, in sync — a slave streams from
 * its master within the in-sync lag, a master has a slave in sync again — and, for a name server, every broker
 * registered with it again (asked of the name server itself: until then its routes lack brokers, so the next
 * name server must not restart and leave clients only this one to ask). Stateless; thread-safe.
 */
final class UpgradeGates {
    private final UpgradeNodeControl control;

    UpgradeGates(UpgradeNodeControl control) {
        this.control = control;
    }

    /** {@code brokers}: the remoting addresses a name server must have registered (ignored for a broker). */
    StepOutcome ready(NodeView node, String targetVersion, List<String> brokers) {
        if (node.state() != NodeState.UP) {
            return StepOutcome.failed("waiting for " + node.nodeId() + " to be UP");
        }
        if (!targetVersion.equals(node.version())) {
            return StepOutcome.failed(node.nodeId() + " reports version " + node.version() + ", not " + targetVersion);
        }
        return node.role() == NodeRole.BROKER ? inSync(node, targetVersion) : registered(node, targetVersion, brokers);
    }

    private StepOutcome inSync(NodeView node, String targetVersion) {
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

    private StepOutcome registered(NodeView nameServer, String targetVersion, List<String> brokers) {
        Optional<Set<String>> registered = control.registeredBrokers(nameServer);
        if (registered.isEmpty()) {
            return StepOutcome.failed(nameServer.nodeId() + " did not answer its registered brokers");
        }
        List<String> missing = brokers.stream().filter(broker -> !registered.get().contains(broker)).toList();
        return missing.isEmpty()
                ? StepOutcome.ok(nameServer.nodeId() + " serves " + targetVersion + " with all " + brokers.size()
                        + " brokers registered")
                : StepOutcome.failed(nameServer.nodeId() + " waits for " + String.join(", ", missing)
                        + " to register");
    }
}
