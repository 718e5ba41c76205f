package io.cloudmq.controlplane.insight;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudmq.api.node.NodeRole;
import io.cloudmq.api.node.NodeState;
import io.cloudmq.api.node.NodeView;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class BrokerReadersTest {

    private static NodeView node(String nodeId, NodeRole role, @Nullable String brokerName, @Nullable Integer brokerId,
            NodeState state) {
        return new NodeView(nodeId, role, brokerName, brokerId, state, "1", 1L, null, null,
                "http://127.0.0.1:1", "127.0.0.1:2");
    }

    @Test
    void readsFromTheMasterOfEachGroupOrItsFirstUpSlaveWhenTheMasterIsDown() {
        List<NodeView> nodes = List.of(
                node("namesrv-0", NodeRole.NAMESRV, null, null, NodeState.UP),
                node("broker-b-2", NodeRole.BROKER, "broker-b", 2, NodeState.UP),
                node("broker-b-1", NodeRole.BROKER, "broker-b", 1, NodeState.UP),
                node("broker-b-0", NodeRole.BROKER, "broker-b", 0, NodeState.DOWN),
                node("broker-a-1", NodeRole.BROKER, "broker-a", 1, NodeState.UP),
                node("broker-a-0", NodeRole.BROKER, "broker-a", 0, NodeState.UP),
                node("broker-c-0", NodeRole.BROKER, "broker-c", 0, NodeState.DOWN));

        assertThat(BrokerReaders.choose(nodes)).extracting(NodeView::nodeId).containsExactly("broker-a-0", "broker-b-1");
    }
}
