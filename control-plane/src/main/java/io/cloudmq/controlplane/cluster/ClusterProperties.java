package io.cloudmq.controlplane.cluster;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The cluster this control plane serves, prefix {@code cloudmq.cluster}; upserted into {@code clusters} at start.
 *
 * @param id cluster id
 * @param maxRetentionHours upper bound of every instance's retention
 * @param brokerGroups broker names of the cluster (topic placement chooses among them)
 * @param nodeToken bearer token of every node's admin API; blank = standalone generates one into the data directory
 * @param bootstrapToken token nodes present to register themselves (distributed mode); blank = registration closed
 */
@Validated
@ConfigurationProperties("cloudmq.cluster")
public record ClusterProperties(
        @DefaultValue("local") @Pattern(regexp = "^[a-z0-9-]{1,32}$") String id,
        @DefaultValue("168") @Min(1) int maxRetentionHours,
        @DefaultValue({"broker-a", "broker-b"}) @NotEmpty List<String> brokerGroups,
        @DefaultValue("") String nodeToken,
        @DefaultValue("") String bootstrapToken) {

    @Override
    public String toString() {
        return "ClusterProperties[id=" + id + ", maxRetentionHours=" + maxRetentionHours + ", brokerGroups="
                + brokerGroups + "]";
    }
}
