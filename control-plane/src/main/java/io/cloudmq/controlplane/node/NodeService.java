package io.cloudmq.controlplane.node;

import io.cloudmq.api.node.NodeHealthView;
import io.cloudmq.api.node.NodeRegistration;
import io.cloudmq.api.node.NodeView;
import io.cloudmq.api.node.ReplicationView;
import io.cloudmq.controlplane.cluster.ClusterService;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The node registry: who the nodes of a cluster are and whether they answered their latest checks. */
@Service
public class NodeService {
    private final NodeRepository nodes;
    private final ClusterService clusters;
    private final Clock clock;

    NodeService(NodeRepository nodes, ClusterService clusters, Clock clock) {
        this.nodes = nodes;
        this.clusters = clusters;
        this.clock = clock;
    }

    /** Adds the node to its cluster, or takes its new addresses if it was registered before; 404 for an unknown cluster. */
    @Transactional
    public NodeView register(String clusterId, NodeRegistration registration) {
        clusters.get(clusterId);
        Node node = nodes.findById(new NodeKey(clusterId, registration.nodeId()))
                .map(existing -> {
                    existing.update(registration);
                    return existing;
                })
                .orElseGet(() -> nodes.save(new Node(clusterId, registration, clock.instant())));
        return node.toView();
    }

    /** The nodes of a cluster ordered by node id; 404 for an unknown cluster. */
    @Transactional(readOnly = true)
    public List<NodeView> list(String clusterId) {
        clusters.get(clusterId);
        return nodes.findByKeyClusterIdOrderByKeyNodeId(clusterId).stream().map(Node::toView).toList();
    }

    /**
     * Makes {@code masterNodeId} the master (broker id 0) of {@code brokerName} in the registry after a
     * failover; the former master takes the promoted node's broker id. Joins the caller's transaction.
     */
    @Transactional
    public void assignMaster(String clusterId, String brokerName, String masterNodeId) {
        List<Node> group = nodes.findByKeyClusterIdOrderByKeyNodeId(clusterId).stream()
                .filter(node -> brokerName.equals(node.brokerName()))
                .toList();
        Node promoted = group.stream().filter(node -> node.key().nodeId().equals(masterNodeId)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(masterNodeId + " is not in broker group " + brokerName));
        Integer freedId = promoted.brokerId();
        group.stream()
                .filter(node -> node != promoted && Integer.valueOf(0).equals(node.brokerId()))
                .forEach(node -> node.assignBrokerId(freedId == null ? 1 : freedId));
        promoted.assignBrokerId(0);
    }

    @Transactional(readOnly = true)
    List<Node> nodesOf(String clusterId) {
        return nodes.findByKeyClusterIdOrderByKeyNodeId(clusterId);
    }

    @Transactional
    void recordHealthy(NodeKey key, NodeHealthView health, Optional<ReplicationView> replication) {
        Instant now = clock.instant();
        nodes.findById(key).ifPresent(node -> {
            node.recordHealthy(health, now);
            replication.ifPresent(view -> node.recordReplication(view, now));
        });
    }

    @Transactional
    void recordMissedCheck(NodeKey key) {
        nodes.findById(key).ifPresent(Node::recordMissedCheck);
    }
}
