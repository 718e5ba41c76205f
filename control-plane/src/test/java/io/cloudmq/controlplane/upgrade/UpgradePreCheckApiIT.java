package io.cloudmq.controlplane.upgrade;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cloudmq.api.client.ManagementClient;
import io.cloudmq.api.client.ProblemException;
import io.cloudmq.api.upgrade.PreCheckItem;
import io.cloudmq.api.upgrade.PreCheckView;
import io.cloudmq.api.upgrade.UpgradeWindowView;
import io.cloudmq.controlplane.ApiClients;
import io.cloudmq.controlplane.FullStackTest;
import io.cloudmq.controlplane.TestClusters;
import io.cloudmq.controlplane.TestData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

@FullStackTest
class UpgradePreCheckApiIT {
    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    private ManagementClient client;
    private String cluster;

    @BeforeEach
    void freshCluster() {
        client = ApiClients.admin(port);
        cluster = TestClusters.create(jdbc);
    }

    @Test
    void aClusterWithoutNodesIsNoGoAndTheResultIsKeptWithTheWindow() {
        UpgradeWindowView window = client.scheduleUpgradeWindow(cluster, TestData.window(2), null);

        PreCheckView ran = client.runUpgradePreCheck(cluster, window.id());

        assertThat(ran.go()).isFalse();
        assertThat(ran.checks()).filteredOn(PreCheckItem::name, "nodes-registered")
                .singleElement().extracting(PreCheckItem::passed).isEqualTo(false);
        assertThat(ran.lockedOperations()).contains("create, change or delete topics");
        PreCheckView stored = client.getUpgradePreCheck(cluster, window.id());
        assertThat(stored.checks()).isEqualTo(ran.checks());
        assertThat(stored.checkedAt()).isEqualTo(ran.checkedAt());
    }

    @Test
    void noStoredPreCheckIs404AndAnEndedWindowIs409() {
        UpgradeWindowView window = client.scheduleUpgradeWindow(cluster, TestData.window(2), null);

        assertThatThrownBy(() -> client.getUpgradePreCheck(cluster, window.id()))
                .isInstanceOfSatisfying(ProblemException.class, p -> assertThat(p.status()).isEqualTo(404));
        client.cancelUpgradeWindow(cluster, window.id());
        assertThatThrownBy(() -> client.runUpgradePreCheck(cluster, window.id()))
                .isInstanceOfSatisfying(ProblemException.class, p -> assertThat(p.status()).isEqualTo(409));
    }
}
