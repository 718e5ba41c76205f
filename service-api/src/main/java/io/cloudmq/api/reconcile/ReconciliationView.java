package io.cloudmq.api.reconcile;

import java.util.List;

/**
 * Answer of {@code GET /api/v1/clusters/{clusterId}/reconciliation}: the cluster's desired-state generation
 * and, per registered node (ordered by node id), what it serves.
 *
 * @param clusterId the cluster
 * @param desiredGeneration the generation of the cluster's latest committed change, 0 before the first
 * @param nodes every registered node of the cluster
 */
public record ReconciliationView(String clusterId, long desiredGeneration, List<NodeReconciliationView> nodes) {
    public ReconciliationView {
        nodes = List.copyOf(nodes);
    }
}
