package io.cloudmq.controlplane.failover;

import io.cloudmq.api.cluster.BrokerGroupRole;
import java.util.List;

/**
 * What the failover policy knows about one broker group.
 *
 * @param brokerName the group
 * @param configuredRole the group's configured master role ({@code cloudmq.cluster.tier},
 *     {@code cloudmq.cluster.group-roles})
 * @param epoch the group's epoch recorded in the database (0 before its first failover)
 * @param upgradeInProgress whether an upgrade window is running on the group's cluster (failover is off)
 * @param members the group's brokers
 */
record GroupSnapshot(
        String brokerName,
        BrokerGroupRole configuredRole,
        long epoch,
        boolean upgradeInProgress,
        List<MemberSnapshot> members) {
    GroupSnapshot {
        members = List.copyOf(members);
    }
}
