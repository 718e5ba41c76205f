package io.cloudmq.controlplane.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cloudmq.api.client.ManagementClient;
import io.cloudmq.api.node.NodeState;
import io.cloudmq.api.node.NodeView;
import io.cloudmq.api.upgrade.NodeUpgradeProgressView;
import io.cloudmq.api.upgrade.ScheduleUpgradeWindowRequest;
import io.cloudmq.api.upgrade.UpgradeNodePhase;
import io.cloudmq.api.upgrade.UpgradeProgressView;
import io.cloudmq.api.upgrade.UpgradeWindowState;
import io.cloudmq.api.upgrade.UpgradeWindowView;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real rolling upgrade: the packaged control plane in standalone mode (six node JVMs), a target runtime
 * installed as {@code runtime/<target>/cloudmq-node.jar} — the bundled node jar with another manifest
 * version — and one window started through REST. The route-refresh window is shortened to 2 s: no client
 * runs here whose routes would need the default 35 s.
 */
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

    private static ControlPlaneProcess app;
    private static ManagementClient client;

    @BeforeAll
    static void startControlPlane() {
        app = ControlPlaneProcess.start(dataDir, ControlPlaneProcess.freePort(), PORT_BASE, List.of(
                "--cloudmq.upgrade.route-refresh=2s",
                "--cloudmq.upgrade.orchestrator-interval=500ms",
                "--cloudmq.upgrade.gate-timeout=90s"));
        client = app.awaitAdminClient(START_DEADLINE);
    }

    @AfterAll
    static void stopEverything() {
        if (app != null) {
            app.killWithItsProcesses();
        }
    }

    @Test
    void oneWindowRestartsEveryNodeFromTheTargetRuntimeGroupByGroup() throws IOException {
        Map<String, NodeView> before = awaitAllUpOn(VERSION);
        TargetRuntime.install(dataDir, VERSION, TARGET);
        UpgradeWindowView scheduled = client.scheduleUpgradeWindow(CLUSTER, new ScheduleUpgradeWindowRequest(
                OffsetDateTime.now(ZoneOffset.UTC).plusMinutes(5), Duration.ofMinutes(30), TARGET), null);

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
