package io.cloudmq.controlplane.node;

import io.cloudmq.api.cluster.BrokerGroupRole;
import io.cloudmq.controlplane.node.BrokerGroupLeadership.GroupLeader;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * How a broker of the local cluster starts ({@code broker.id}, {@code broker.role}, {@code broker.epoch},
 * {@code master.addr}), from the layout, its group's configured master role and its group's leadership. Before
 * any failover the layout decides: broker id 0 is the master, of the group's role (SYNC_MASTER by default, whose
 * acknowledged sends survive a master's loss), the others are its slaves, epoch 0. After a failover the recorded
 * master is the master of the recorded epoch, again of the group's role, and every other broker is its slave in
 * that epoch; the layout's broker id 0 takes the promoted node's layout id. Immutable.
 *
 * @param masterAddress the master's remoting address for a slave, {@code null} for the master
 */
record BrokerPlacement(int brokerId, String role, long epoch, @Nullable String masterAddress) {
    static final String SLAVE_ROLE = "SLAVE";

    static BrokerPlacement of(NodeSpec node, LocalClusterLayout layout, BrokerGroupRole masterRole,
            Optional<GroupLeader> leader) {
        String brokerName = Objects.requireNonNull(node.brokerName());
        int layoutId = Objects.requireNonNull(node.brokerId());
        if (leader.isEmpty()) {
            return layoutId == 0
                    ? new BrokerPlacement(0, masterRole.name(), 0, null)
                    : new BrokerPlacement(layoutId, SLAVE_ROLE, 0, layout.masterAddress(brokerName));
        }
        GroupLeader current = leader.get();
        if (node.nodeId().equals(current.masterNodeId())) {
            return new BrokerPlacement(0, masterRole.name(), current.epoch(), null);
        }
        NodeSpec master = layout.nodes().stream()
                .filter(candidate -> candidate.nodeId().equals(current.masterNodeId()))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("recorded master " + current.masterNodeId()
                        + " of " + brokerName + " is not in the layout"));
        int brokerId = layoutId == 0 ? Objects.requireNonNull(master.brokerId()) : layoutId;
        return new BrokerPlacement(brokerId, SLAVE_ROLE, current.epoch(), NodeSpec.HOST + ":" + master.remotingPort());
    }
}
