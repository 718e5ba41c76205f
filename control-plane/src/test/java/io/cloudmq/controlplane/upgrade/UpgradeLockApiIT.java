package io.cloudmq.controlplane.upgrade;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cloudmq.api.client.ManagementClient;
import io.cloudmq.api.client.ProblemException;
import io.cloudmq.api.consumergroup.UpdateConsumerGroupRequest;
import io.cloudmq.api.instance.UpdateInstanceRequest;
import io.cloudmq.api.problem.ErrorCode;
import io.cloudmq.api.upgrade.UpgradeWindowState;
import io.cloudmq.api.upgrade.UpgradeWindowView;
import io.cloudmq.controlplane.ApiClients;
import io.cloudmq.controlplane.FullStackTest;
import io.cloudmq.controlplane.TestClusters;
import io.cloudmq.controlplane.TestData;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

@FullStackTest
class UpgradeLockApiIT {
    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    private ManagementClient client;
    private String cluster;
    private String instanceId;

    @BeforeEach
    void instanceOnItsOwnCluster() {
        client = ApiClients.admin(port);
        cluster = TestClusters.create(jdbc);
        instanceId = client.createInstance(TestData.instanceOn(cluster), null).id();
        client.createConsumerGroup(instanceId, TestData.group("billing"), null);
    }

    @Test
    void mutationsAreRefusedWith423WhileAWindowRunsAndSucceedAfter() {
        UpgradeWindowView window = client.scheduleUpgradeWindow(cluster, TestData.window(6), null);
        client.createTopic(instanceId, TestData.topic("before"), null);
        UpgradeWindowView started = client.startUpgradeWindow(cluster, window.id());
        assertThat(started.state()).isEqualTo(UpgradeWindowState.IN_PROGRESS);

        assertLocked(() -> client.createTopic(instanceId, TestData.topic("during"), null), started);
        assertLocked(() -> client.deleteTopic(instanceId, "before", null), started);
        var groupChange = new UpdateConsumerGroupRequest(null, null, 3, null);
        assertLocked(() -> client.updateConsumerGroup(instanceId, "billing", groupChange, null), started);
        var instanceChange = new UpdateInstanceRequest("renamed", null, null);
        assertLocked(() -> client.updateInstance(instanceId, instanceChange, null), started);
        assertLocked(() -> client.deleteInstance(instanceId, true, null), started);
        assertThat(client.getTopic(instanceId, "before").name()).isEqualTo("before");
        assertThat(client.listConsumerGroups(instanceId, null, null).items()).hasSize(1);

        assertThat(client.abortUpgradeWindow(cluster, window.id()).state()).isEqualTo(UpgradeWindowState.FAILED);
        assertThat(client.createTopic(instanceId, TestData.topic("during"), null).name()).isEqualTo("during");
    }

    @Test
    void aScheduledWindowDoesNotLock() {
        client.scheduleUpgradeWindow(cluster, TestData.window(1), null);

        assertThat(client.createTopic(instanceId, TestData.topic("free"), null).name()).isEqualTo("free");
    }

    @Test
    void overlappingWindowIs409AndCancelledOneFreesItsPeriod() {
        UpgradeWindowView window = client.scheduleUpgradeWindow(cluster, TestData.window(3), null);

        assertThatThrownBy(() -> client.scheduleUpgradeWindow(cluster, TestData.window(3), null))
                .isInstanceOfSatisfying(ProblemException.class, p -> {
                    assertThat(p.status()).isEqualTo(409);
                    assertThat(p.code()).isEqualTo(ErrorCode.UPGRADE_WINDOW_OVERLAP);
                });
        client.cancelUpgradeWindow(cluster, window.id());
        assertThat(client.scheduleUpgradeWindow(cluster, TestData.window(3), null).state())
                .isEqualTo(UpgradeWindowState.SCHEDULED);
        assertThat(client.listUpgradeWindows(cluster, null, null).items()).hasSize(2);
    }

    private void assertLocked(ThrowingCallable mutation, UpgradeWindowView window) {
        assertThatThrownBy(mutation).isInstanceOfSatisfying(ProblemException.class, p -> {
            assertThat(p.status()).isEqualTo(423);
            assertThat(p.code()).isEqualTo(ErrorCode.INSTANCE_LOCKED);
            assertThat(p.extensions()).containsEntry("windowId", window.id().toString())
                    .containsEntry("lockedUntil", window.endsAt().toString());
            assertThat(p.retryAfterSeconds()).hasValueSatisfying(seconds -> assertThat(seconds).isBetween(1L, 3600L));
        });
    }
}
