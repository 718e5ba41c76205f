package io.cloudmq.controlplane.node;

import io.cloudmq.api.node.NodeRole;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The standalone cluster: two name servers and two broker groups of master + slave (of a master alone without
 * slaves: a {@code single_node} cluster), on the fixed ports of ARCHITECTURE §1 (name servers 9876, 9877;
 * brokers 10911, 10921, 10931, 10941; a group without slave leaves its slave's ports unused), all moved by the
 * same distance when the port base is not 9876.
 */
record LocalClusterLayout(List<NodeSpec> nodes) {
    private static final int DEFAULT_PORT_BASE = 9876;

    static LocalClusterLayout forPortBase(int portBase) {
        return forPortBase(portBase, true);
    }

    static LocalClusterLayout forPortBase(int portBase, boolean withSlaves) {
        int shift = portBase - DEFAULT_PORT_BASE;
        List<NodeSpec> all = List.of(
                new NodeSpec("namesrv-0", NodeRole.NAMESRV, null, null, 9876 + shift),
                new NodeSpec("namesrv-1", NodeRole.NAMESRV, null, null, 9877 + shift),
                new NodeSpec("broker-a-0", NodeRole.BROKER, "broker-a", 0, 10911 + shift),
                new NodeSpec("broker-a-1", NodeRole.BROKER, "broker-a", 1, 10921 + shift),
                new NodeSpec("broker-b-0", NodeRole.BROKER, "broker-b", 0, 10931 + shift),
                new NodeSpec("broker-b-1", NodeRole.BROKER, "broker-b", 1, 10941 + shift));
        return new LocalClusterLayout(withSlaves ? all
                : all.stream().filter(node -> node.brokerId() == null || node.brokerId() == 0).toList());
    }

    /** The remoting address of the master (broker id 0) of {@code brokerName}'s group. */
    String masterAddress(String brokerName) {
        return nodes.stream()
                .filter(node -> brokerName.equals(node.brokerName()) && Integer.valueOf(0).equals(node.brokerId()))
                .map(node -> NodeSpec.HOST + ":" + node.remotingPort())
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no master in broker group " + brokerName));
    }

    /** The remoting addresses of the other brokers of {@code node}'s group, in layout order. */
    List<String> addressesInGroupBut(NodeSpec node) {
        return nodes.stream()
                .filter(other -> other.role() == NodeRole.BROKER && !other.nodeId().equals(node.nodeId())
                        && Objects.equals(other.brokerName(), node.brokerName()))
                .map(other -> NodeSpec.HOST + ":" + other.remotingPort())
                .toList();
    }

    /** The name-server address list every broker registers with, as RocketMQ writes it. */
    String nameServerAddresses() {
        return nodes.stream()
                .filter(node -> node.role() == NodeRole.NAMESRV)
                .map(node -> NodeSpec.HOST + ":" + node.remotingPort())
                .collect(Collectors.joining(";"));
    }
}
