package io.cloudmq.controlplane.cluster;

import io.cloudmq.api.cluster.ClusterView;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** Row of {@code clusters}. Read-only for the application; written by {@link ClusterRegistration}. */
@Entity
@Table(name = "clusters")
class Cluster {
    @Id
    private String id = "";

    @Column(name = "max_retention_hours")
    private int maxRetentionHours;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "broker_groups", columnDefinition = "text[]")
    private List<String> brokerGroups = new ArrayList<>();

    protected Cluster() {}

    ClusterView toView() {
        return new ClusterView(id, maxRetentionHours, brokerGroups);
    }
}
