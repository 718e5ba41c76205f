package io.cloudmq.controlplane.failover;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.io.Serializable;

/** Primary key of a broker group: its cluster and its broker name. */
@Embeddable
record GroupKey(@Column(name = "cluster_id") String clusterId, @Column(name = "broker_name") String brokerName)
        implements Serializable {}
