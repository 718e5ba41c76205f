package io.cloudmq.controlplane.cluster;

import io.cloudmq.api.cluster.BrokerGroupRole;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The master role of each broker group of the cluster, resolved from {@code cloudmq.cluster.tier} and the
 * per-group overrides {@code cloudmq.cluster.group-roles}: a group takes its override, else its tier's default
 * ({@code cluster_ha}: SYNC_MASTER with a slave; {@code single_node}: ASYNC_MASTER alone). Everything that starts
 * or promotes a master gives it its group's role. A group not in the configuration (a node that registered
 * itself under another name) takes the tier's default. Immutable.
 */
public final class BrokerGroupRoles {
    private final ClusterTier tier;
    private final Map<String, BrokerGroupRole> roles;

    private BrokerGroupRoles(ClusterTier tier, Map<String, BrokerGroupRole> roles) {
        this.tier = tier;
        this.roles = Collections.unmodifiableMap(roles);
    }

    /**
     * Resolves every group's role.
     *
     * @throws IllegalArgumentException if an override names no configured group, or gives a group of a
     *     {@code single_node} cluster (no slave) the role SYNC_MASTER, whose sends no slave could confirm
     */
    public static BrokerGroupRoles resolve(
            ClusterTier tier, List<String> brokerGroups, Map<String, BrokerGroupRole> overrides) {
        for (Map.Entry<String, BrokerGroupRole> override : overrides.entrySet()) {
            if (!brokerGroups.contains(override.getKey())) {
                throw new IllegalArgumentException("cloudmq.cluster.group-roles names " + override.getKey()
                        + ", which is not one of cloudmq.cluster.broker-groups " + brokerGroups);
            }
            if (!tier.withSlaves() && override.getValue() == BrokerGroupRole.SYNC_MASTER) {
                throw new IllegalArgumentException("cloudmq.cluster.group-roles gives " + override.getKey()
                        + " SYNC_MASTER, but a single_node cluster's groups have no slave to confirm its sends");
            }
        }
        Map<String, BrokerGroupRole> roles = new LinkedHashMap<>();
        brokerGroups.forEach(group -> roles.put(group, overrides.getOrDefault(group, tier.defaultRole())));
        return new BrokerGroupRoles(tier, roles);
    }

    /** The master role of {@code brokerName}'s group. */
    public BrokerGroupRole roleOf(String brokerName) {
        return roles.getOrDefault(brokerName, tier.defaultRole());
    }

    /** Whether the groups have slaves (standalone starts them). */
    public boolean withSlaves() {
        return tier.withSlaves();
    }

    /** Every configured group's role, in the order of {@code cloudmq.cluster.broker-groups}. */
    public Map<String, BrokerGroupRole> byGroup() {
        return roles;
    }
}
