package io.cloudmq.controlplane.upgrade;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.cloudmq.api.client.ManagementClient;
import io.cloudmq.api.client.ProblemException;
import io.cloudmq.api.upgrade.UpgradeProgressView;
import io.cloudmq.api.upgrade.UpgradeWindowState;
import io.cloudmq.api.upgrade.UpgradeWindowView;
import io.cloudmq.controlplane.ApiClients;
import io.cloudmq.controlplane.FullStackTest;
import io.cloudmq.controlplane.TestClusters;
import io.cloudmq.controlplane.TestData;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

@FullStackTest
class UpgradeProgressApiIT {
    private static final Duration PASS_DEADLINE = Duration.ofSeconds(30);

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    private ManagementClient client;
    private String cluster;

    @BeforeEach
    void freshClusterWithoutNodes() {
        client = ApiClients.admin(port);
        cluster = TestClusters.create(jdbc);
    }

    @Test
    void aStartedWindowWhosePreCheckIsNoGoIsPausedWithItsReasonsAndNoNodeTouched() {
        UpgradeWindowView window = client.scheduleUpgradeWindow(cluster, TestData.window(2), null);
        assertThat(client.startUpgradeWindow(cluster, window.id()).state()).isEqualTo(UpgradeWindowState.IN_PROGRESS);

        UpgradeProgressView progress = awaitPaused(window.id());

        assertThat(progress.pauseReason()).startsWith("PRE_CHECK_FAILED").contains("nodes-registered");
        assertThat(progress.targetVersion()).isEqualTo("0.2.0");
        assertThat(progress.nodes()).isEmpty();
        assertThat(client.getUpgradePreCheck(cluster, window.id()).go()).isFalse();
        assertThat(client.getUpgradeWindow(cluster, window.id()).state()).isEqualTo(UpgradeWindowState.PAUSED);
    }

    @Test
    void aResumedWindowRunsThePreCheckAgainAndPausesAgainWhileItIsNoGo() {
        UpgradeWindowView window = client.scheduleUpgradeWindow(cluster, TestData.window(3), null);
        client.startUpgradeWindow(cluster, window.id());
        awaitPaused(window.id());
        Instant firstCheck = client.getUpgradePreCheck(cluster, window.id()).checkedAt();

        assertThat(client.resumeUpgradeWindow(cluster, window.id()).state()).isEqualTo(UpgradeWindowState.IN_PROGRESS);

        await().atMost(PASS_DEADLINE).untilAsserted(() ->
                assertThat(client.getUpgradePreCheck(cluster, window.id()).checkedAt()).isAfter(firstCheck));
        assertThat(awaitPaused(window.id()).pauseReason()).startsWith("PRE_CHECK_FAILED");
    }

    @Test
    void theProgressOfAnUnknownWindowIs404() {
        assertThatThrownBy(() -> client.getUpgradeProgress(cluster, UUID.randomUUID()))
                .isInstanceOfSatisfying(ProblemException.class, p -> assertThat(p.status()).isEqualTo(404));
    }

    @Test
    void aScheduledWindowHasNoProgressAndNoPauseReason() {
        UpgradeWindowView window = client.scheduleUpgradeWindow(cluster, TestData.window(4), null);

        UpgradeProgressView progress = client.getUpgradeProgress(cluster, window.id());

        assertThat(progress.state()).isEqualTo(UpgradeWindowState.SCHEDULED);
        assertThat(progress.pauseReason()).isNull();
        assertThat(progress.nodes()).isEmpty();
    }

    private UpgradeProgressView awaitPaused(UUID windowId) {
        return await().atMost(PASS_DEADLINE).until(
                () -> client.getUpgradeProgress(cluster, windowId), p -> p.state() == UpgradeWindowState.PAUSED);
    }
}
