package io.cloudmq.controlplane.node;

import io.cloudmq.api.node.NodeHealthView;
import io.cloudmq.api.node.NodeRegistration;
import io.cloudmq.api.node.NodeView;
import java.time.Clock;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The node registry: who the nodes of a cluster are and whether they answered their latest checks. */
@Service
public class NodeService {
    private final NodeRepository nodes;
    private final Clock clock;

    NodeService(NodeRepository nodes, Clock clock) {
        this.nodes = nodes;
        this.clock = clock;
    }

    /** Adds the node to its cluster, or takes its new addresses if it was registered before. */
    @Transactional
    public NodeView register(String clusterId, NodeRegistration registration) {
        Node node = nodes.findById(new NodeKey(clusterId, registration.nodeId()))
                .map(existing -> {
                    existing.update(registration);
                    return existing;
                })
                .orElseGet(() -> nodes.save(new Node(clusterId, registration, clock.instant())));
        return node.toView();
    }

    @Transactional(readOnly = true)
    public List<NodeView> list(String clusterId) {
        return nodes.findByKeyClusterIdOrderByKeyNodeId(clusterId).stream().map(Node::toView).toList();
    }

    @Transactional(readOnly = true)
    List<Node> nodesOf(String clusterId) {
        return nodes.findByKeyClusterIdOrderByKeyNodeId(clusterId);
    }

    @Transactional
    void recordHealthy(NodeKey key, NodeHealthView health) {
        nodes.findById(key).ifPresent(node -> node.recordHealthy(health, clock.instant()));
    }

    @Transactional
    void recordMissedCheck(NodeKey key) {
        nodes.findById(key).ifPresent(Node::recordMissedCheck);
    }
}
