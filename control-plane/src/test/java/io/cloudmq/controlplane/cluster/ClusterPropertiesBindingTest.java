package io.cloudmq.controlplane.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import io.cloudmq.api.cluster.BrokerGroupRole;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** How {@code cloudmq.cluster.tier} and {@code cloudmq.cluster.group-roles} bind, as written in application.yml. */
class ClusterPropertiesBindingTest {

    private static ClusterProperties bind(Map<String, String> settings) {
        return new Binder(new MapConfigurationPropertySource(settings))
                .bindOrCreate("cloudmq.cluster", ClusterProperties.class);
    }

    @Test
    void withoutSettingsTheClusterIsClusterHaWithSyncMasters() {
        ClusterProperties properties = bind(Map.of());

        assertThat(properties.tier()).isEqualTo(ClusterTier.CLUSTER_HA);
        assertThat(properties.roles().byGroup()).containsOnlyKeys("broker-a", "broker-b")
                .containsValues(BrokerGroupRole.SYNC_MASTER);
    }

    @Test
    void tierAndPerGroupRolesBindFromTheirDocumentedSpelling() {
        ClusterProperties properties = bind(Map.of(
                "cloudmq.cluster.tier", "cluster_ha",
                "cloudmq.cluster.group-roles.broker-a", "ASYNC_MASTER"));

        assertThat(properties.roles().roleOf("broker-a")).isEqualTo(BrokerGroupRole.ASYNC_MASTER);
        assertThat(properties.roles().roleOf("broker-b")).isEqualTo(BrokerGroupRole.SYNC_MASTER);
        assertThat(bind(Map.of("cloudmq.cluster.tier", "single_node")).roles().withSlaves()).isFalse();
    }

    @Test
    void inSyncLimitsDefaultTo64MegabytesAnd3SecondsAndReachTheNodesAsBytesAndMillis() {
        assertThat(bind(Map.of()).replication().nodeProperties()).containsOnly(
                entry("replication.in-sync.max-lag.bytes", "67108864"),
                entry("replication.in-sync.max-lag.ms", "3000"));

        ClusterProperties properties = bind(Map.of(
                "cloudmq.cluster.replication.max-lag-bytes", "1MB",
                "cloudmq.cluster.replication.max-lag-time", "2s"));

        assertThat(properties.replication().nodeProperties()).containsOnly(
                entry("replication.in-sync.max-lag.bytes", "1048576"),
                entry("replication.in-sync.max-lag.ms", "2000"));
    }

    @Test
    void aNonPositiveInSyncLimitFailsTheBinding() {
        assertThatThrownBy(() -> bind(Map.of("cloudmq.cluster.replication.max-lag-time", "0s")))
                .isInstanceOf(BindException.class)
                .hasRootCauseMessage("cloudmq.cluster.replication in-sync limits must be positive, got 67108864B and "
                        + "PT0S");
    }

    @Test
    void aRoleThatCannotBeResolvedFailsTheBinding() {
        assertThatThrownBy(() -> bind(Map.of(
                        "cloudmq.cluster.tier", "single_node",
                        "cloudmq.cluster.group-roles.broker-b", "SYNC_MASTER")))
                .isInstanceOf(BindException.class)
                .hasRootCauseMessage("cloudmq.cluster.group-roles gives broker-b SYNC_MASTER, but a single_node "
                        + "cluster's groups have no slave to confirm its sends");
    }
}
