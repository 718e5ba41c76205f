package io.cloudmq.controlplane.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cloudmq.api.client.ManagementClient;
import io.cloudmq.api.client.ManagementClientException;
import io.cloudmq.api.instance.InstanceView;
import io.cloudmq.api.node.NodeState;
import io.cloudmq.api.node.NodeView;
import io.cloudmq.api.upgrade.CanaryReportView;
import io.cloudmq.api.upgrade.CanaryView;
import io.cloudmq.api.upgrade.NodeUpgradeProgressView;
import io.cloudmq.api.upgrade.ScheduleUpgradeWindowRequest;
import io.cloudmq.api.upgrade.UpgradeNodePhase;
import io.cloudmq.api.upgrade.UpgradeProgressView;
import io.cloudmq.api.upgrade.UpgradeReportView;
import io.cloudmq.api.upgrade.UpgradeWindowState;
import io.cloudmq.api.upgrade.UpgradeWindowView;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real rolling upgrade: the packaged control plane in standalone mode (six node JVMs), a target runtime
 * installed as {@code runtime/<target>/cloudmq-node.jar} — the bundled node jar with another manifest
 * version — and one window started through REST, then its report. Ordered steps share the one cluster:
 * canary running before the window, the window, its report.
 *
 * <p>The route-refresh window is shortened to 2 s, far below the canary client's 30 s route poll: the canary
 * keeps sending to a fenced master, and a {@code SYNC_MASTER} answers {@code SLAVE_NOT_AVAILABLE} (message
 * stored) while its slave restarts, which the canary rightly counts as failed sends. So this test checks
 * that the canary's figures are consistent and that nothing acknowledged is lost; zero failed sends under
 * default client settings is the proof IT's claim (default route-refresh window). The canary's grace period
 * is shortened to 10 s so that "lost" is final soon after the window.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RollingUpgradeIT {
    /** This class's node port base (see {@link ControlPlaneProcess#start(Path, int, int)}). */
    private static final int PORT_BASE = 19876;
    private static final Duration START_DEADLINE = Duration.ofMinutes(3);
    private static final Duration UPGRADE_DEADLINE = Duration.ofMinutes(4);
    private static final String CLUSTER = "local";
    private static final String VERSION = System.getProperty("cloudmq.version");
    private static final String TARGET = VERSION + "-upgraded";

    @TempDir
    static Path dataDir;

    private static final Duration CANARY_DEADLINE = Duration.ofMinutes(2);
    private static final Duration CANARY_GRACE = Duration.ofSeconds(10);

    private static ControlPlaneProcess app;
    private static ManagementClient client;
    private static UpgradeWindowView window;

    @BeforeAll
    static void startControlPlane() {
        app = ControlPlaneProcess.start(dataDir, ControlPlaneProcess.freePort(), PORT_BASE, List.of(
                "--cloudmq.upgrade.route-refresh=2s",
                "--cloudmq.upgrade.orchestrator-interval=500ms",
                "--cloudmq.upgrade.gate-timeout=90s",
                "--cloudmq.canary.check-interval=1s",
                "--cloudmq.canary.lost-after=" + CANARY_GRACE.toSeconds() + "s"));
        client = app.awaitAdminClient(START_DEADLINE);
    }

    @AfterAll
    static void stopEverything() {
        if (app != null) {
            app.killWithItsProcesses();
        }
    }

    @Test
    @Order(1)
    void theCanarySendsAndReceivesThroughTheClusterOnItsHiddenInstance() {
        awaitAllUpOn(VERSION);

        CanaryView canary = await("canary receiving").atMost(CANARY_DEADLINE).pollInterval(Duration.ofSeconds(1))
                .ignoreExceptionsInstanceOf(ManagementClientException.class)
                .until(() -> client.getCanary(CLUSTER), view -> view.running() && view.received() > 0);

        assertThat(canary.acknowledged()).isPositive();
        assertThat(canary.sendLatencyP99Millis()).isNotNull();
        assertThat(client.listInstances(null, 100).items()).extracting(InstanceView::id)
                .doesNotContain(canary.instanceId());
    }

    @Test
    @Order(2)
    void oneWindowRestartsEveryNodeFromTheTargetRuntimeGroupByGroup() throws IOException {
        Map<String, NodeView> before = awaitAllUpOn(VERSION);
        TargetRuntime.install(dataDir, VERSION, TARGET);
        UpgradeWindowView scheduled = client.scheduleUpgradeWindow(CLUSTER, new ScheduleUpgradeWindowRequest(
                OffsetDateTime.now(ZoneOffset.UTC).plusMinutes(5), Duration.ofMinutes(30), TARGET), null);
        window = scheduled;

        UpgradeWindowView started = client.startUpgradeWindow(CLUSTER, scheduled.id());
        UpgradeProgressView progress = await("window ends or pauses").atMost(UPGRADE_DEADLINE)
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> client.getUpgradeProgress(CLUSTER, scheduled.id()),
                        view -> view.state() != UpgradeWindowState.IN_PROGRESS);

        assertThat(progress.state()).as("pause reason %s, progress %s", progress.pauseReason(), progress.nodes())
                .isEqualTo(UpgradeWindowState.COMPLETED);
        assertThat(progress.nodes()).extracting(NodeUpgradeProgressView::nodeId).containsExactly(
                "broker-a-0", "broker-a-1", "broker-b-0", "broker-b-1", "namesrv-0", "namesrv-1");
        assertThat(progress.nodes()).extracting(NodeUpgradeProgressView::phase).containsOnly(UpgradeNodePhase.DONE);
        assertThat(client.listNodes(CLUSTER)).hasSize(6).allSatisfy(node -> {
            assertThat(node.version()).isEqualTo(TARGET);
            assertThat(node.state()).isEqualTo(NodeState.UP);
            assertThat(node.pid()).isNotNull().isNotEqualTo(before.get(node.nodeId()).pid());
            assertThat(node.startedAt()).isAfter(started.startedAt());
            assertThat(ControlPlaneProcess.commandLine(node.pid())).contains("runtime/" + TARGET + "/");
        });
    }

    /**
     * The report of the completed window: every node's times from its serving record; every canary message of
     * the window answered, every acknowledged one received once the grace period after the window passed.
     */
    @Test
    @Order(3)
    void theReportOfTheWindowHasEveryNodesTimesAndACanaryThatLostNothing() {
        UpgradeReportView report = await("canary figures of the window final")
                .atMost(CANARY_DEADLINE).pollInterval(Duration.ofSeconds(1))
                .until(() -> client.getUpgradeReport(CLUSTER, window.id()), view -> view.canary() != null
                        && Instant.now().isAfter(view.finishedAt().plus(CANARY_GRACE).plusSeconds(2)));

        assertThat(report.state()).isEqualTo(UpgradeWindowState.COMPLETED);
        assertThat(report.nodes()).hasSize(6).allSatisfy(node -> {
            assertThat(node.unavailableMillis()).as(node.node()).isNotNull();
            assertThat(node.writeFencedMillis()).as(node.node()).isNotNull();
            assertThat(node.toVersion()).isEqualTo(TARGET);
        });
        assertThat(report.nodes()).filteredOn(node -> node.node().endsWith("-0") && node.brokerName() != null)
                .allSatisfy(master -> assertThat(master.writeFencedMillis()).isPositive());
        CanaryReportView canary = report.canary();
        assertThat(canary.acknowledged()).isPositive();
        assertThat(canary.acknowledged() + canary.failedSends()).isEqualTo(canary.sent());
        assertThat(canary.lost()).as("acknowledged %s, received %s", canary.acknowledged(), canary.received())
                .isZero();
        assertThat(canary.received()).isBetween(canary.acknowledged(), canary.sent());
        assertThat(canary.sendLatencyP99DuringMillis()).isNotNull();
        assertThat(report.preCheck()).isNotNull();
        assertThat(report.preCheck().go()).isTrue();
    }

    private static Map<String, NodeView> awaitAllUpOn(String version) {
        await("all six nodes UP").atMost(START_DEADLINE).pollInterval(Duration.ofMillis(500))
                .until(() -> {
                    List<NodeView> nodes = client.listNodes(CLUSTER);
                    return nodes.size() == 6 && nodes.stream()
                            .allMatch(node -> node.state() == NodeState.UP && version.equals(node.version()));
                });
        return client.listNodes(CLUSTER).stream().collect(Collectors.toMap(NodeView::nodeId, Function.identity()));
    }
}
