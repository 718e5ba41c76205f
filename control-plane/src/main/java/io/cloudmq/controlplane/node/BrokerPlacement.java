package io.cloudmq.controlplane.node;

import io.cloudmq.api.cluster.BrokerGroupRole;
import io.cloudmq.controlplane.node.BrokerGroupLeadership.GroupLeader;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * How a broker of the local cluster starts ({@code broker.id}, {@code broker.role}, {@code broker.epoch},
 * {@code master.addr}, {@code slave.addr}), from the layout, its group's configured master role and its group's
 * leadership. Before any failover the layout decides: broker id 0 is the master, of the group's role
 * (SYNC_MASTER by default, whose acknowledged sends survive a master's loss), the others are its slaves, epoch 0.
 * After a failover the recorded master is the master of the recorded epoch, again of the group's role, and every
 * other broker is its slave in that epoch; the layout's broker id 0 takes the promoted node's layout id. A master
 * names every other broker of its group as its slave. Immutable.
 *
 * @param masterAddress the master's remoting address for a slave, {@code null} for the master
 * @param slaveAddresses the master's slaves' remoting addresses, empty for a slave: a SYNC_MASTER that names its
 *     slaves starts write-fenced until one of them is in sync (the node's restart fence)
 */
record BrokerPlacement(int brokerId, String role, long epoch, @Nullable String masterAddress,
        List<String> slaveAddresses) {
    static final String SLAVE_ROLE = "SLAVE";

    BrokerPlacement {
        slaveAddresses = List.copyOf(slaveAddresses);
    }

    static BrokerPlacement of(NodeSpec node, LocalClusterLayout layout, BrokerGroupRole masterRole,
            Optional<GroupLeader> leader) {
        String brokerName = Objects.requireNonNull(node.brokerName());
        int layoutId = Objects.requireNonNull(node.brokerId());
        if (leader.isEmpty()) {
            return layoutId == 0
                    ? new BrokerPlacement(0, masterRole.name(), 0, null, layout.addressesInGroupBut(node))
                    : new BrokerPlacement(layoutId, SLAVE_ROLE, 0, layout.masterAddress(brokerName), List.of());
        }
        GroupLeader current = leader.get();
        if (node.nodeId().equals(current.masterNodeId())) {
            return new BrokerPlacement(0, masterRole.name(), current.epoch(), null, layout.addressesInGroupBut(node));
        }
        NodeSpec master = layout.nodes().stream()
                .filter(candidate -> candidate.nodeId().equals(current.masterNodeId()))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("recorded master " + current.masterNodeId()
                        + " of " + brokerName + " is not in the layout"));
        int brokerId = layoutId == 0 ? Objects.requireNonNull(master.brokerId()) : layoutId;
        return new BrokerPlacement(brokerId, SLAVE_ROLE, current.epoch(), NodeSpec.HOST + ":" + master.remotingPort(),
                List.of());
    }
}
