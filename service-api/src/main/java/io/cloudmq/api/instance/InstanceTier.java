package io.cloudmq.api.instance;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Instance tier; in this release it only selects the default quotas. */
public enum InstanceTier {
    /** A test instance with small quotas. */
    @JsonProperty("single_node")
    SINGLE_NODE,
    /** A production instance with larger quotas. */
    @JsonProperty("cluster_ha")
    CLUSTER_HA
}
