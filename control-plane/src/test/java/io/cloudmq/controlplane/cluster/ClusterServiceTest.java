package io.cloudmq.controlplane.cluster;

import static org.assertj.core.api.Assertions.assertThat;

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
    }
}
