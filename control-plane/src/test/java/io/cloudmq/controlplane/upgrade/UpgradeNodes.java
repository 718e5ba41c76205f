package io.cloudmq.controlplane.upgrade;

import io.cloudmq.api.node.NodeRole;
import io.cloudmq.api.node.NodeState;
import io.cloudmq.api.node.NodeView;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Registry views of the standalone layout (2 name servers, groups a and b of master + slave) for upgrade tests. */
final class UpgradeNodes {
    static final String OLD = "0.1.0";
    static final String TARGET = "0.2.0";

    private UpgradeNodes() {}

    static NodeView broker(String brokerName, int brokerId, NodeState state, String version) {
        return node(brokerName + "-" + brokerId, NodeRole.BROKER, brokerName, brokerId, state, version);
    }

    static NodeView nameServer(int index, NodeState state, String version) {
        return node("namesrv-" + index, NodeRole.NAMESRV, null, null, state, version);
    }

    /** Every node of the layout UP on {@code version}. */
    static List<NodeView> cluster(String version) {
        return new ArrayList<>(List.of(
                nameServer(0, NodeState.UP, version), nameServer(1, NodeState.UP, version),
                broker("broker-a", 0, NodeState.UP, version), broker("broker-a", 1, NodeState.UP, version),
                broker("broker-b", 0, NodeState.UP, version), broker("broker-b", 1, NodeState.UP, version)));
    }

    /** {@code nodes} with {@code replacement} in place of the node of the same id. */
    static List<NodeView> with(List<NodeView> nodes, NodeView replacement) {
        return nodes.stream().map(n -> n.nodeId().equals(replacement.nodeId()) ? replacement : n).toList();
    }

    private static NodeView node(String nodeId, NodeRole role, @Nullable String brokerName,
            @Nullable Integer brokerId, NodeState state, String version) {
        return new NodeView(nodeId, role, brokerName, brokerId, state, version, 100L, Instant.EPOCH, Instant.EPOCH,
                "http://127.0.0.1:1/" + nodeId, nodeId + ":10911");
    }
}
