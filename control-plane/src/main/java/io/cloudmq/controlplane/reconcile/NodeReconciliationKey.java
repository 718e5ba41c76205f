package io.cloudmq.controlplane.reconcile;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.io.Serializable;

/** Primary key of a node's reconciliation record: the node's cluster and node id. */
@Embeddable
record NodeReconciliationKey(@Column(name = "cluster_id") String clusterId, @Column(name = "node_id") String nodeId)
        implements Serializable {}
