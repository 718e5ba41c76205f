package io.cloudmq.controlplane.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import io.cloudmq.api.cluster.BrokerGroupRole;
import io.cloudmq.api.cluster.ClusterView;
import io.cloudmq.controlplane.ControlPlaneTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@ControlPlaneTest
class ClusterServiceTest {
    @Autowired
    ClusterService clusters;

    @Test
    void configuredClusterIsRegisteredAtStart() {
        ClusterView local = clusters.get("local");

        assertThat(local.maxRetentionHours()).isEqualTo(168);
        assertThat(local.brokerGroups()).containsExactly("broker-a", "broker-b");
        assertThat(local.brokerGroupRoles()).containsExactly(
                entry("broker-a", BrokerGroupRole.SYNC_MASTER), entry("broker-b", BrokerGroupRole.SYNC_MASTER));
    }
}
