package io.cloudmq.api.instance;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Instance tier: selects the default quotas; a {@code cluster_ha} instance is placed only on a cluster with a
 * SYNC_MASTER broker group.
 */
public enum InstanceTier {
    /** A test instance with small quotas. */
    @JsonProperty("single_node")
    SINGLE_NODE,
    /** A production instance with larger quotas. */
    @JsonProperty("cluster_ha")
    CLUSTER_HA
}
