package io.cloudmq.controlplane.insight;

import io.cloudmq.api.node.NodeRole;
import io.cloudmq.api.node.NodeState;
import io.cloudmq.api.node.NodeView;
import io.cloudmq.controlplane.node.NodeService;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.springframework.stereotype.Component;

/**
 * Which nodes reads go to: one UP broker per broker group, the master when it is UP, else the UP slave with the
 * lowest id (it holds the same messages and a copy of the offsets). Ordered by broker name. Thread-safe.
 */
@Component
class BrokerReaders {
    private final NodeService nodes;

    BrokerReaders(NodeService nodes) {
        this.nodes = nodes;
    }

    List<NodeView> of(String clusterId) {
        return choose(nodes.list(clusterId));
    }

    /** The readers among {@code candidates}. */
    static List<NodeView> choose(List<NodeView> candidates) {
        Map<String, NodeView> byGroup = new TreeMap<>();
        candidates.stream()
                .filter(node -> node.role() == NodeRole.BROKER && node.state() == NodeState.UP && node.brokerName() != null)
                .sorted(Comparator.comparing((NodeView node) -> Objects.requireNonNullElse(node.brokerId(), Integer.MAX_VALUE)))
                .forEach(node -> byGroup.putIfAbsent(Objects.requireNonNull(node.brokerName()), node));
        return List.copyOf(byGroup.values());
    }
}
