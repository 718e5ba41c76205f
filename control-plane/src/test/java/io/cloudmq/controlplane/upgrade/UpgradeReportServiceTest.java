package io.cloudmq.controlplane.upgrade;

import static io.cloudmq.controlplane.upgrade.UpgradeNodes.OLD;
import static io.cloudmq.controlplane.upgrade.UpgradeNodes.TARGET;
import static org.assertj.core.api.Assertions.assertThat;

import io.cloudmq.api.node.NodeServingView;
import io.cloudmq.api.node.NodeState;
import io.cloudmq.api.node.NodeView;
import io.cloudmq.api.node.ReplicationView;
import io.cloudmq.api.upgrade.NodeUpgradeReportView;
import io.cloudmq.api.upgrade.ObservedProducerGroup;
import io.cloudmq.api.upgrade.ProducerGroupFailuresView;
import io.cloudmq.api.upgrade.ScheduleUpgradeWindowRequest;
import io.cloudmq.api.upgrade.UpgradeReportView;
import io.cloudmq.api.upgrade.UpgradeWindowState;
import io.cloudmq.api.upgrade.UpgradeWindowView;
import io.cloudmq.controlplane.ControlPlaneTest;
import io.cloudmq.controlplane.TestClusters;
import io.cloudmq.controlplane.TestData;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The report built from what the step runner recorded around each node's restart. */
@ControlPlaneTest
class UpgradeReportServiceTest {
    private static final Instant LAST_SERVED = Instant.parse("2026-11-22T10:00:00Z");
    private static final ObservedProducerGroup ORDERS =
            new ObservedProducerGroup("MQ_INST_000000000001_abcdefgh", "pg-orders");

    @Autowired
    UpgradeWindowService windows;
    @Autowired
    UpgradeProgressService progress;
    @Autowired
    UpgradeReportService reports;
    @Autowired
    ProducerGroupFailureService failures;
    @Autowired
    JdbcClient jdbc;

    private final FakeNodeControl control = new FakeNodeControl();
    private String cluster;
    private UpgradeWindowView window;
    private UpgradeStepRunner runner;

    @BeforeEach
    void startedWindow() {
        cluster = TestClusters.create(jdbc);
        ScheduleUpgradeWindowRequest request = TestData.window(1);
        UpgradeWindowView scheduled = windows.schedule(cluster, new ScheduleUpgradeWindowRequest(
                request.startsAt(), request.duration(), request.targetVersion(), List.of(ORDERS)));
        window = windows.start(cluster, scheduled.id());
        runner = new UpgradeStepRunner(windows, progress, control, Clock.systemUTC());
        control.replication = new ReplicationView("SYNC_MASTER", 0, 2, 100, 100, true, 0, 0);
    }

    @Test
    void aMastersUnavailableAndWriteFencedTimesComeFromItsServingRecordAroundTheRestart() {
        NodeView master = UpgradeNodes.broker("broker-a", 0, NodeState.UP, OLD);
        control.drain = new StepOutcome(true, "left", serving(3100, null, LAST_SERVED, LAST_SERVED.minusSeconds(600)));
        runner.run(window, new UpgradeAction.Fence(master));
        runner.run(window, new UpgradeAction.Drain(master));
        control.serving = serving(0, LAST_SERVED.plusMillis(420), LAST_SERVED.plusMillis(900), LAST_SERVED.plusMillis(380));
        runner.run(window, new UpgradeAction.Restart(master));
        runner.run(window, new UpgradeAction.AwaitReady(
                UpgradeNodes.broker("broker-a", 0, NodeState.UP, TARGET), Instant.now().plusSeconds(60), List.of()));

        NodeUpgradeReportView node = reports.report(cluster, window.id()).nodes().get(0);

        assertThat(node.node()).isEqualTo("broker-a-0");
        assertThat(node.brokerName()).isEqualTo("broker-a");
        assertThat(node.fromVersion()).isEqualTo(OLD);
        assertThat(node.toVersion()).isEqualTo(TARGET);
        assertThat(node.unavailableMillis()).as("drained: its last request to accepting again").isEqualTo(380);
        assertThat(node.writeFencedMillis()).isEqualTo(3100);
        assertThat(node.stepMillis()).isNotNull().isGreaterThanOrEqualTo(0);
    }

    @Test
    void anIdleSlaveIsUnavailableFromItsRestartRequestUntilItAcceptsAgainAndIsNeverWriteFenced() {
        UpgradeStepRunner atRestartRequest = new UpgradeStepRunner(windows, progress, control,
                Clock.fixed(LAST_SERVED, ZoneOffset.UTC));
        NodeView slave = UpgradeNodes.broker("broker-a", 1, NodeState.UP, OLD);
        control.serving = serving(0, null, LAST_SERVED.minusSeconds(25), LAST_SERVED.minusSeconds(3600));
        atRestartRequest.run(window, new UpgradeAction.Restart(slave));
        control.serving = serving(0, LAST_SERVED.plusSeconds(30), LAST_SERVED.plusSeconds(31), LAST_SERVED.plusMillis(1500));
        runner.run(window, new UpgradeAction.AwaitReady(
                UpgradeNodes.broker("broker-a", 1, NodeState.UP, TARGET), Instant.now().plusSeconds(60), List.of()));

        NodeUpgradeReportView node = reports.report(cluster, window.id()).nodes().get(0);

        assertThat(node.unavailableMillis()).as("not the 25 s it was idle before nor the 30 s after").isEqualTo(1500);
        assertThat(node.writeFencedMillis()).isZero();
    }

    @Test
    void aSlaveServingUntilItsStopIsUnavailableFromItsLastRequestToItsFirstAfterTheRestart() {
        UpgradeStepRunner atRestartRequest = new UpgradeStepRunner(windows, progress, control,
                Clock.fixed(LAST_SERVED.minusMillis(50), ZoneOffset.UTC));
        NodeView slave = UpgradeNodes.broker("broker-a", 1, NodeState.UP, OLD);
        control.serving = serving(0, null, LAST_SERVED, LAST_SERVED.minusSeconds(3600));
        atRestartRequest.run(window, new UpgradeAction.Restart(slave));
        control.serving = serving(0, LAST_SERVED.plusMillis(1200), LAST_SERVED.plusMillis(1300), LAST_SERVED.plusMillis(1250));
        runner.run(window, new UpgradeAction.AwaitReady(
                UpgradeNodes.broker("broker-a", 1, NodeState.UP, TARGET), Instant.now().plusSeconds(60), List.of()));

        NodeUpgradeReportView node = reports.report(cluster, window.id()).nodes().get(0);

        assertThat(node.unavailableMillis()).isEqualTo(1200);
    }

    @Test
    void aNodeWithoutServingRecordGetsTheControlPlanesOwnStopAndReadyInstants() {
        NodeView nameServer = UpgradeNodes.nameServer(0, NodeState.UP, OLD);
        control.registered = Set.of();
        runner.run(window, new UpgradeAction.Restart(nameServer));
        runner.run(window, new UpgradeAction.AwaitReady(
                UpgradeNodes.nameServer(0, NodeState.UP, TARGET), Instant.now().plusSeconds(60), List.of()));

        NodeUpgradeReportView node = reports.report(cluster, window.id()).nodes().get(0);

        assertThat(node.brokerName()).isNull();
        assertThat(node.unavailableMillis()).isNotNull().isGreaterThanOrEqualTo(0);
        assertThat(node.writeFencedMillis()).isZero();
    }

    @Test
    void anUnfinishedNodeHasNoUnavailableTimeYet() {
        runner.run(window, new UpgradeAction.Fence(UpgradeNodes.broker("broker-a", 0, NodeState.UP, OLD)));

        NodeUpgradeReportView node = reports.report(cluster, window.id()).nodes().get(0);

        assertThat(node.unavailableMillis()).isNull();
        assertThat(node.writeFencedMillis()).isNull();
        assertThat(node.toVersion()).isNull();
        assertThat(node.stepMillis()).isNull();
    }

    @Test
    void failedSendsOfARegisteredGroupAddUpOverBrokersAndAcrossARestart() {
        NodeView before = UpgradeNodes.broker("broker-a", 0, NodeState.UP, OLD);
        NodeView restarted = new NodeView(before.nodeId(), before.role(), before.brokerName(), before.brokerId(),
                NodeState.UP, TARGET, 200L, Instant.now(), Instant.now(), before.adminUrl(), before.remotingAddress());
        NodeView other = UpgradeNodes.broker("broker-b", 0, NodeState.UP, OLD);
        List<ObservedProducerGroup> observed = List.of(ORDERS);
        failures.record(window.id(), before, observed, Map.of(ORDERS, 10L));
        failures.record(window.id(), other, observed, Map.of());
        failures.record(window.id(), before, observed, Map.of(ORDERS, 12L));
        failures.record(window.id(), restarted, observed, Map.of(ORDERS, 1L));
        failures.record(window.id(), other, observed, Map.of(ORDERS, 4L));

        UpgradeReportView report = reports.report(cluster, window.id());

        assertThat(report.producerGroups()).containsExactly(
                new ProducerGroupFailuresView(ORDERS.instanceId(), ORDERS.producerGroup(), 2 + 1 + 4));
    }

    @Test
    void aStartedWindowsReportHasTheSchemaVersionStateAndNoCanaryWithoutOne() {
        UpgradeReportView report = reports.report(cluster, window.id());

        assertThat(report.schemaVersion()).isEqualTo(1);
        assertThat(report.state()).isEqualTo(UpgradeWindowState.IN_PROGRESS);
        assertThat(report.startedAt()).isEqualTo(window.startedAt());
        assertThat(report.canary()).isNull();
        assertThat(report.preCheck()).isNull();
        assertThat(report.nodes()).isEmpty();
    }

    private static NodeServingView serving(long fencedMillis, Instant first, Instant last, Instant acceptingSince) {
        return new NodeServingView("SERVING", false, fencedMillis, 0, first, last, acceptingSince);
    }
}
