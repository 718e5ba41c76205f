package io.cloudmq.api.cluster;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A cluster instances can be placed on.
 *
 * @param id cluster id, {@code [a-z0-9-]{1,32}}
 * @param maxRetentionHours upper bound of every instance's retention quota
 * @param brokerGroups broker names of the cluster
 * @param brokerGroupRoles each broker group's configured master role, in the order of {@code brokerGroups}
 *     (a group's current master starts, and a promoted slave becomes, a master of this role)
 */
public record ClusterView(
        String id, int maxRetentionHours, List<String> brokerGroups, Map<String, BrokerGroupRole> brokerGroupRoles) {
    public ClusterView {
        brokerGroups = List.copyOf(brokerGroups);
        brokerGroupRoles = Collections.unmodifiableMap(new LinkedHashMap<>(brokerGroupRoles));
    }
}
