package io.cloudmq.controlplane.cluster;

import io.cloudmq.api.cluster.BrokerGroupRole;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The cluster this control plane serves, prefix {@code cloudmq.cluster}; upserted into {@code clusters} at start.
 * Binding fails when the group roles cannot be resolved ({@link BrokerGroupRoles#resolve}).
 *
 * @param id cluster id
 * @param maxRetentionHours upper bound of every instance's retention
 * @param brokerGroups broker names of the cluster (topic placement chooses among them)
 * @param nodeToken bearer token of every node's admin API; blank = standalone generates one into the data directory
 * @param bootstrapToken token nodes present to register themselves (distributed mode); blank = registration closed
 * @param tier the groups' shape: {@code cluster_ha} (master + slave, SYNC_MASTER) or {@code single_node}
 *     (master alone, ASYNC_MASTER)
 * @param groupRoles per-group master roles overriding the tier's default (e.g. {@code broker-a: ASYNC_MASTER})
 * @param replication when a broker counts a slave as in sync
 */
@Validated
@ConfigurationProperties("cloudmq.cluster")
public record ClusterProperties(
        @DefaultValue("local") @Pattern(regexp = "^[a-z0-9-]{1,32}$") String id,
        @DefaultValue("168") @Min(1) int maxRetentionHours,
        @DefaultValue({"broker-a", "broker-b"}) @NotEmpty List<String> brokerGroups,
        @DefaultValue("") String nodeToken,
        @DefaultValue("") String bootstrapToken,
        @DefaultValue("cluster_ha") ClusterTier tier,
        @DefaultValue Map<String, BrokerGroupRole> groupRoles,
        @DefaultValue ReplicationInSync replication) {

    public ClusterProperties {
        brokerGroups = List.copyOf(brokerGroups);
        groupRoles = Map.copyOf(groupRoles);
        BrokerGroupRoles.resolve(tier, brokerGroups, groupRoles);
    }

    /** Every broker group's master role. */
    public BrokerGroupRoles roles() {
        return BrokerGroupRoles.resolve(tier, brokerGroups, groupRoles);
    }

    @Override
    public String toString() {
        return "ClusterProperties[id=" + id + ", maxRetentionHours=" + maxRetentionHours + ", brokerGroups="
                + brokerGroups + ", tier=" + tier + ", groupRoles=" + groupRoles + ", replication=" + replication + "]";
    }
}
