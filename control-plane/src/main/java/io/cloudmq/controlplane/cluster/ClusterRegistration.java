package io.cloudmq.controlplane.cluster;

import io.cloudmq.api.cluster.BrokerGroupRole;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Upserts the configured cluster at start (idempotent, safe with several replicas), so instances can be
 * placed on it; a changed retention maximum, broker-group list or group role replaces the stored one.
 */
@Component
@Order(0)
class ClusterRegistration implements ApplicationRunner {
    private static final Logger log = LoggerFactory.getLogger(ClusterRegistration.class);

    private final ClusterProperties properties;
    private final JdbcClient jdbc;

    ClusterRegistration(ClusterProperties properties, JdbcClient jdbc) {
        this.properties = properties;
        this.jdbc = jdbc;
    }

    @Override
    public void run(ApplicationArguments args) {
        BrokerGroupRoles roles = properties.roles();
        List<String> asyncGroups = roles.byGroup().entrySet().stream()
                .filter(group -> group.getValue() == BrokerGroupRole.ASYNC_MASTER)
                .map(Map.Entry::getKey)
                .toList();
        jdbc.sql("""
                INSERT INTO clusters (id, max_retention_hours, broker_groups, async_broker_groups) VALUES (?, ?, ?, ?)
                ON CONFLICT (id) DO UPDATE
                SET max_retention_hours = EXCLUDED.max_retention_hours, broker_groups = EXCLUDED.broker_groups,
                    async_broker_groups = EXCLUDED.async_broker_groups
                """)
                .params(properties.id(), properties.maxRetentionHours(),
                        properties.brokerGroups().toArray(String[]::new), asyncGroups.toArray(String[]::new))
                .update();
        log.info("Cluster {} registered (max retention {} h, broker groups and their master roles {})",
                properties.id(), properties.maxRetentionHours(), roles.byGroup());
    }
}
