package io.cloudmq.controlplane.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
    void aRoleThatCannotBeResolvedFailsTheBinding() {
        assertThatThrownBy(() -> bind(Map.of(
                        "cloudmq.cluster.tier", "single_node",
                        "cloudmq.cluster.group-roles.broker-b", "SYNC_MASTER")))
                .isInstanceOf(BindException.class)
                .hasRootCauseMessage("cloudmq.cluster.group-roles gives broker-b SYNC_MASTER, but a single_node "
                        + "cluster's groups have no slave to confirm its sends");
    }
}
