package io.cloudmq.controlplane.cluster;

import io.cloudmq.api.cluster.BrokerGroupRole;

/**
 * The shape of the cluster's broker groups, {@code cloudmq.cluster.tier} ({@code cluster_ha} or
 * {@code single_node}, as the instance tiers are spelt).
 */
public enum ClusterTier {
    /** A master alone per group, an ASYNC_MASTER: no slave could confirm a send. */
    SINGLE_NODE(BrokerGroupRole.ASYNC_MASTER, false),
    /** A master and a slave per group, a SYNC_MASTER unless a group is configured otherwise. */
    CLUSTER_HA(BrokerGroupRole.SYNC_MASTER, true);

    private final BrokerGroupRole defaultRole;
    private final boolean withSlaves;

    ClusterTier(BrokerGroupRole defaultRole, boolean withSlaves) {
        this.defaultRole = defaultRole;
        this.withSlaves = withSlaves;
    }

    /** The role of a group the configuration gives no role. */
    BrokerGroupRole defaultRole() {
        return defaultRole;
    }

    /** Whether the groups have slaves. */
    boolean withSlaves() {
        return withSlaves;
    }
}
