package io.cloudmq.controlplane.upgrade;

import static io.cloudmq.controlplane.upgrade.UpgradeNodes.OLD;
import static io.cloudmq.controlplane.upgrade.UpgradeNodes.TARGET;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.cloudmq.api.node.NodeState;
import io.cloudmq.api.node.NodeView;
import io.cloudmq.api.upgrade.NodeUpgradeProgressView;
import io.cloudmq.api.upgrade.UpgradeNodePhase;
import io.cloudmq.api.upgrade.UpgradeProgressView;
import io.cloudmq.api.upgrade.UpgradeWindowState;
import io.cloudmq.api.upgrade.UpgradeWindowView;
import io.cloudmq.controlplane.ControlPlaneTest;
import io.cloudmq.controlplane.TestClusters;
import io.cloudmq.controlplane.TestData;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@ControlPlaneTest
class UpgradeStepRunnerTest {
    private static final Instant LONG_AGO = Instant.parse("2026-01-01T00:00:00Z");

    @Autowired
    UpgradeWindowService windows;
    @Autowired
    UpgradeProgressService progress;
    @Autowired
    JdbcClient jdbc;

    private final FakeNodeControl control = new FakeNodeControl();
    private String cluster;
    private UpgradeWindowView window;
    private UpgradeStepRunner runner;

    @BeforeEach
    void startedWindow() {
        cluster = TestClusters.create(jdbc);
        UpgradeWindowView scheduled = windows.schedule(cluster, TestData.window(1));
        window = windows.start(cluster, scheduled.id());
        runner = new UpgradeStepRunner(windows, progress, control, Clock.systemUTC());
    }

    @Test
    void aSuccessfulStepRecordsThePhaseAndAFailedOnePausesTheWindowWithItsReason() {
        NodeView master = UpgradeNodes.broker("broker-a", 0, NodeState.UP, OLD);
        NodeView slave = UpgradeNodes.broker("broker-b", 1, NodeState.UP, OLD);
        control.restart = StepOutcome.failed("runtime 0.2.0 is not installed");

        boolean afterFence = runner.run(window, new UpgradeAction.Fence(master));
        boolean afterRestart = runner.run(window, new UpgradeAction.Restart(slave));

        assertThat(afterFence).isTrue();
        assertThat(afterRestart).isFalse();
        assertThat(control.calls).containsExactly("fence:broker-a-0", "prepare:broker-b-1@" + TARGET,
                "restart:broker-b-1@" + TARGET);
        UpgradeProgressView view = progress.progress(cluster, window.id());
        assertThat(view.state()).isEqualTo(UpgradeWindowState.PAUSED);
        assertThat(view.pauseReason()).startsWith("STEP_FAILED: broker-b-1").contains("not installed");
        assertThat(view.nodes()).extracting(NodeUpgradeProgressView::nodeId, NodeUpgradeProgressView::phase)
                .containsExactly(tuple("broker-a-0", UpgradeNodePhase.FENCED));
    }

    @Test
    void aGatePastItsDeadlinePausesTheWindowAndAResumeRestartsTheGateClock() {
        NodeView restarting = UpgradeNodes.broker("broker-a", 1, NodeState.DOWN, OLD);
        progress.reach(window.id(), "broker-a-1", UpgradeNodePhase.RESTARTED, LONG_AGO, "launched");

        boolean beforeDeadline = runner.run(window, new UpgradeAction.AwaitReady(restarting, Instant.now().plusSeconds(60), List.of()));
        UpgradeWindowState stateBeforeDeadline = windows.get(cluster, window.id()).state();
        runner.run(window, new UpgradeAction.AwaitReady(restarting, LONG_AGO.plusSeconds(300), List.of()));
        UpgradeProgressView paused = progress.progress(cluster, window.id());
        windows.resume(cluster, window.id());
        UpgradeProgressView resumed = progress.progress(cluster, window.id());

        assertThat(beforeDeadline).isFalse();
        assertThat(stateBeforeDeadline).isEqualTo(UpgradeWindowState.IN_PROGRESS);
        assertThat(paused.state()).isEqualTo(UpgradeWindowState.PAUSED);
        assertThat(paused.pauseReason()).isEqualTo("GATE_TIMEOUT: waiting for broker-a-1 to be UP");
        assertThat(paused.nodes()).singleElement().satisfies(node -> {
            assertThat(node.phase()).isEqualTo(UpgradeNodePhase.RESTARTED);
            assertThat(node.detail()).isEqualTo("waiting for broker-a-1 to be UP");
        });
        assertThat(resumed.state()).isEqualTo(UpgradeWindowState.IN_PROGRESS);
        assertThat(resumed.pauseReason()).isNull();
        assertThat(resumed.nodes()).singleElement().satisfies(node -> {
            assertThat(node.phase()).isEqualTo(UpgradeNodePhase.RESTARTED);
            assertThat(node.phaseStartedAt()).isAfter(LONG_AGO);
        });
    }

    @Test
    void aReadyNodeIsDoneAndCompleteEndsTheWindow() {
        NodeView nameServer = UpgradeNodes.nameServer(0, NodeState.UP, TARGET);
        progress.reach(window.id(), "namesrv-0", UpgradeNodePhase.RESTARTED, Instant.now(), "launched");

        control.registered = Set.of("broker-a-0:10911");

        boolean afterGate = runner.run(window,
                new UpgradeAction.AwaitReady(nameServer, Instant.now().plusSeconds(60), List.of("broker-a-0:10911")));
        runner.run(window, new UpgradeAction.Complete());

        assertThat(afterGate).isTrue();
        UpgradeProgressView view = progress.progress(cluster, window.id());
        assertThat(view.state()).isEqualTo(UpgradeWindowState.COMPLETED);
        assertThat(view.nodes()).singleElement().satisfies(node -> {
            assertThat(node.phase()).isEqualTo(UpgradeNodePhase.DONE);
            assertThat(node.finishedAt()).isNotNull();
        });
    }

    @Test
    void aMasterThatLostItsFenceIsFencedAgainBeforeItsSlaveRestartsOrItDrains() {
        NodeView master = UpgradeNodes.broker("broker-a", 0, NodeState.UP, OLD);
        NodeView slave = UpgradeNodes.broker("broker-a", 1, NodeState.UP, OLD);
        progress.reach(window.id(), "broker-a-0", UpgradeNodePhase.FENCED, LONG_AGO, "fenced");
        control.fenced = false;

        boolean refenced = runner.run(window, new UpgradeAction.RestartUnderFence(slave, master));
        NodeUpgradeProgressView afterRefence = progress.progress(cluster, window.id()).nodes().get(0);
        control.fenced = true;
        boolean restarted = runner.run(window, new UpgradeAction.RestartUnderFence(slave, master));
        boolean drained = runner.run(window, new UpgradeAction.Drain(master));

        assertThat(refenced).isTrue();
        assertThat(afterRefence.phase()).isEqualTo(UpgradeNodePhase.FENCED);
        assertThat(afterRefence.phaseStartedAt()).as("the route-refresh clock starts again").isAfter(LONG_AGO);
        assertThat(restarted).isTrue();
        assertThat(drained).isTrue();
        assertThat(control.calls).containsExactly("fenced:broker-a-0", "fence:broker-a-0", "fenced:broker-a-0",
                "prepare:broker-a-1@" + TARGET, "restart:broker-a-1@" + TARGET, "fenced:broker-a-0",
                "prepare:broker-a-0@" + TARGET, "drain:broker-a-0");
    }

    @Test
    void aDrainThatFailsStopsTheMastersPreparedSuccessorAndPausesTheWindow() {
        NodeView master = UpgradeNodes.broker("broker-a", 0, NodeState.UP, OLD);
        progress.reach(window.id(), "broker-a-0", UpgradeNodePhase.FENCED, LONG_AGO, "fenced");
        control.drain = StepOutcome.failed("/admin/v1/drain answered REOPENED in phase QUIESCE");

        boolean drained = runner.run(window, new UpgradeAction.Drain(master));

        assertThat(drained).isFalse();
        assertThat(control.calls).containsExactly("fenced:broker-a-0", "prepare:broker-a-0@" + TARGET,
                "drain:broker-a-0", "discard:broker-a-0");
        assertThat(progress.progress(cluster, window.id()).pauseReason()).startsWith("STEP_FAILED: broker-a-0");
    }
}
