package io.cloudmq.controlplane.cluster;

import io.cloudmq.api.cluster.BrokerGroupRole;
import io.cloudmq.api.cluster.ClusterView;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * Row of {@code clusters}. Read-only for the application; written by {@link ClusterRegistration}. A broker group
 * not in {@code async_broker_groups} is a SYNC_MASTER group.
 */
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

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "async_broker_groups", columnDefinition = "text[]")
    private List<String> asyncBrokerGroups = new ArrayList<>();

    protected Cluster() {}

    ClusterView toView() {
        Map<String, BrokerGroupRole> roles = new LinkedHashMap<>();
        brokerGroups.forEach(group -> roles.put(group, asyncBrokerGroups.contains(group)
                ? BrokerGroupRole.ASYNC_MASTER : BrokerGroupRole.SYNC_MASTER));
        return new ClusterView(id, maxRetentionHours, brokerGroups, roles);
    }
}
