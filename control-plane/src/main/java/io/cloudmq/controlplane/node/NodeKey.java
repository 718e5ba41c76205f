package io.cloudmq.controlplane.node;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.io.Serializable;

/** Primary key of a node: its cluster and its stable node id. */
@Embeddable
record NodeKey(@Column(name = "cluster_id") String clusterId, @Column(name = "node_id") String nodeId)
        implements Serializable {}
