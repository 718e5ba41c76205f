package io.cloudmq.controlplane.upgrade;

import io.cloudmq.api.node.NodeRole;
import io.cloudmq.api.node.NodeState;
import io.cloudmq.api.node.NodeView;
import io.cloudmq.api.upgrade.UpgradeWindowView;
import io.cloudmq.controlplane.node.NodeAdminClient;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Reads the failed-send counters of a window's brokers ({@code /admin/v1/metrics}) into its tallies: on every
 * orchestrator pass and right before a broker is drained or restarted, so that little of a process's count
 * is missed when it stops. Runs on the orchestrator's thread; the reads happen outside any transaction.
 */
@Component
class FailedSendSampler {
    private final NodeAdminClient admin;
    private final ProducerGroupFailureService failures;

    FailedSendSampler(NodeAdminClient admin, ProducerGroupFailureService failures) {
        this.admin = admin;
        this.failures = failures;
    }

    /** Samples every broker of {@code nodes} that is UP. */
    void sampleAll(UpgradeWindowView window, List<NodeView> nodes) {
        nodes.forEach(node -> sample(window, node));
    }

    /** Samples {@code node} if it is a broker that is UP and the window observes producer groups. */
    void sample(UpgradeWindowView window, NodeView node) {
        if (window.observedProducerGroups().isEmpty() || node.role() != NodeRole.BROKER
                || node.state() != NodeState.UP) {
            return;
        }
        admin.metrics(node.adminUrl()).ifPresent(text -> failures.record(window.id(), node,
                window.observedProducerGroups(), FailedSendCounters.parse(text)));
    }
}
