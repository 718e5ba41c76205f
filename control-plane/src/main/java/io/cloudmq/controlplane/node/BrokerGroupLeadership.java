package io.cloudmq.controlplane.node;

import java.util.Optional;

/**
 * Who leads a broker group after failovers, as the launcher needs it to start a node in the right role:
 * the group's master and epoch. Implemented by the failover feature; thread-safe.
 */
public interface BrokerGroupLeadership {

    /** A group's master node and its epoch. */
    record GroupLeader(String masterNodeId, long epoch) {}

    /** The group's leader after its latest failover, empty if it never failed over. */
    Optional<GroupLeader> leaderOf(String clusterId, String brokerName);
}
