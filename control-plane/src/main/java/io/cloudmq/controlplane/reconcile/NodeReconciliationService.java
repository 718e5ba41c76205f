package io.cloudmq.controlplane.reconcile;

import io.cloudmq.api.node.NodeView;
import io.cloudmq.api.reconcile.NodeReconciliationView;
import io.cloudmq.api.reconcile.ReconciliationView;
import io.cloudmq.controlplane.cluster.ClusterService;
import io.cloudmq.controlplane.node.DesiredStatePush;
import io.cloudmq.controlplane.node.NodeService;
import java.time.Instant;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Per-node outcomes of desired-state pushes and the reconciliation view built from them. Thread-safe. */
@Service
public class NodeReconciliationService {
    private final NodeReconciliationRepository records;
    private final GenerationCounter generations;
    private final ClusterService clusters;
    private final NodeService nodes;

    NodeReconciliationService(NodeReconciliationRepository records, GenerationCounter generations,
            ClusterService clusters, NodeService nodes) {
        this.records = records;
        this.generations = generations;
        this.clusters = clusters;
        this.nodes = nodes;
    }

    /** Records the outcome of pushing {@code generation} to each node of {@code pushes} (node id → outcome). */
    @Transactional
    void record(String clusterId, long generation, Map<String, DesiredStatePush> pushes, Instant now) {
        pushes.forEach((nodeId, push) -> {
            NodeReconciliationKey key = new NodeReconciliationKey(clusterId, nodeId);
            NodeReconciliation record = records.findById(key).orElseGet(() -> new NodeReconciliation(key));
            record.record(generation, push, now);
            records.save(record);
        });
    }

    /** What each recorded node of the cluster serves, by node id. */
    @Transactional(readOnly = true)
    Map<String, NodeProgress> progress(String clusterId) {
        return records.findByKeyClusterId(clusterId).stream()
                .map(record -> new NodeProgress(record.nodeId(), record.appliedGeneration(), record.lastError()))
                .collect(Collectors.toMap(NodeProgress::nodeId, Function.identity()));
    }

    /** Every registered node of the cluster against its desired generation; 404 for an unknown cluster. */
    @Transactional(readOnly = true)
    public ReconciliationView view(String clusterId) {
        clusters.get(clusterId);
        long desired = generations.current(clusterId);
        Map<String, NodeReconciliation> byNode = records.findByKeyClusterId(clusterId).stream()
                .collect(Collectors.toMap(NodeReconciliation::nodeId, Function.identity()));
        return new ReconciliationView(clusterId, desired, nodes.list(clusterId).stream()
                .map(node -> view(node, desired, byNode.get(node.nodeId())))
                .toList());
    }

    private static NodeReconciliationView view(NodeView node, long desired, @Nullable NodeReconciliation record) {
        if (record == null) {
            return new NodeReconciliationView(node.nodeId(), node.role(), node.brokerName(), desired, null, null, 0, null);
        }
        return new NodeReconciliationView(node.nodeId(), node.role(), node.brokerName(), desired,
                record.appliedGeneration(), record.lastError(), record.failedAttempts(), record.lastAttemptAt());
    }
}
