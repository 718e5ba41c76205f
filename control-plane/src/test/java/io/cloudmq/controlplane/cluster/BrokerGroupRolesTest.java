package io.cloudmq.controlplane.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import io.cloudmq.api.cluster.BrokerGroupRole;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BrokerGroupRolesTest {
    private static final List<String> GROUPS = List.of("broker-a", "broker-b");

    @Test
    void clusterHaGroupsAreSyncMastersWithSlaves() {
        BrokerGroupRoles roles = BrokerGroupRoles.resolve(ClusterTier.CLUSTER_HA, GROUPS, Map.of());

        assertThat(roles.byGroup()).containsExactly(
                entry("broker-a", BrokerGroupRole.SYNC_MASTER), entry("broker-b", BrokerGroupRole.SYNC_MASTER));
        assertThat(roles.withSlaves()).isTrue();
    }

    @Test
    void singleNodeGroupsAreAsyncMastersWithoutSlaves() {
        BrokerGroupRoles roles = BrokerGroupRoles.resolve(ClusterTier.SINGLE_NODE, GROUPS, Map.of());

        assertThat(roles.byGroup()).containsExactly(
                entry("broker-a", BrokerGroupRole.ASYNC_MASTER), entry("broker-b", BrokerGroupRole.ASYNC_MASTER));
        assertThat(roles.withSlaves()).isFalse();
    }

    @Test
    void aGroupsOverrideWinsOverTheTiersDefault() {
        BrokerGroupRoles roles = BrokerGroupRoles.resolve(ClusterTier.CLUSTER_HA, GROUPS,
                Map.of("broker-b", BrokerGroupRole.ASYNC_MASTER));

        assertThat(roles.roleOf("broker-a")).isEqualTo(BrokerGroupRole.SYNC_MASTER);
        assertThat(roles.roleOf("broker-b")).isEqualTo(BrokerGroupRole.ASYNC_MASTER);
    }

    @Test
    void aGroupOutsideTheConfigurationTakesTheTiersDefault() {
        assertThat(BrokerGroupRoles.resolve(ClusterTier.SINGLE_NODE, GROUPS, Map.of()).roleOf("broker-z"))
                .isEqualTo(BrokerGroupRole.ASYNC_MASTER);
        assertThat(BrokerGroupRoles.resolve(ClusterTier.CLUSTER_HA, GROUPS, Map.of()).roleOf("broker-z"))
                .isEqualTo(BrokerGroupRole.SYNC_MASTER);
    }

    @Test
    void anOverrideOfAnUnknownGroupIsRefused() {
        assertThatThrownBy(() -> BrokerGroupRoles.resolve(ClusterTier.CLUSTER_HA, GROUPS,
                        Map.of("broker-c", BrokerGroupRole.ASYNC_MASTER)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("broker-c");
    }

    @Test
    void aSyncMasterWithoutSlaveIsRefused() {
        assertThatThrownBy(() -> BrokerGroupRoles.resolve(ClusterTier.SINGLE_NODE, GROUPS,
                        Map.of("broker-a", BrokerGroupRole.SYNC_MASTER)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no slave");
    }
}
