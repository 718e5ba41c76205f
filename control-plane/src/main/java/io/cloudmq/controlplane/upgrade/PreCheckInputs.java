package io.cloudmq.controlplane.upgrade;

import io.cloudmq.api.node.NodeView;
import io.cloudmq.api.node.read.NodeUpgradeReadiness;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * Everything {@link PreCheckRules} judges, read before it runs. Immutable.
 *
 * @param targetVersion the version the window upgrades to
 * @param nodes the cluster's registered nodes with their latest health and replication figures
 * @param runtimeInstalled whether a node runtime version is installed; {@code null} without a node provisioner
 * @param readiness each broker's answer to {@code GET /admin/v1/upgrade-readiness}, by node id; a broker that
 *     did not answer is absent
 * @param sendTps messages stored per second on each node over the latest metrics scrape, by node id
 * @param conflictingOperations the cluster's operations that a window must not overlap and that have not ended,
 *     each described for an operator ({@link ConflictingOperations})
 */
record PreCheckInputs(
        String targetVersion,
        List<NodeView> nodes,
        @Nullable Predicate<String> runtimeInstalled,
        Map<String, NodeUpgradeReadiness> readiness,
        Map<String, Double> sendTps,
        List<String> conflictingOperations) {

    PreCheckInputs {
        nodes = List.copyOf(nodes);
        conflictingOperations = List.copyOf(conflictingOperations);
        readiness = Map.copyOf(readiness);
        sendTps = Map.copyOf(sendTps);
    }
}
