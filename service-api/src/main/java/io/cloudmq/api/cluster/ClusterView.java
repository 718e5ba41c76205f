package io.cloudmq.api.cluster;

import java.util.List;

/**
 * A cluster instances can be placed on.
 *
 * @param id cluster id, {@code [a-z0-9-]{1,32}}
 * @param maxRetentionHours upper bound of every instance's retention quota
 * @param brokerGroups broker names of the cluster
 */
public record ClusterView(String id, int maxRetentionHours, List<String> brokerGroups) {
    public ClusterView {
        brokerGroups = List.copyOf(brokerGroups);
    }
}
