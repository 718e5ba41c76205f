package io.cloudmq.controlplane.upgrade;

import static io.cloudmq.controlplane.upgrade.UpgradeNodes.OLD;
import static io.cloudmq.controlplane.upgrade.UpgradeNodes.TARGET;
import static org.assertj.core.api.Assertions.assertThat;

import io.cloudmq.api.node.NodeState;
import io.cloudmq.api.node.NodeView;
import io.cloudmq.api.upgrade.UpgradeNodePhase;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UpgradeStepPlannerTest {
    private static final Instant T0 = Instant.parse("2026-11-22T01:00:00Z");
    private static final Duration REFRESH = Duration.ofSeconds(35);
    private static final UpgradePlan PLAN = new UpgradePlan(TARGET, T0.plus(Duration.ofHours(1)), REFRESH,
            Duration.ofMinutes(5));

    private final Map<String, NodeStep> steps = new HashMap<>();

    @Test
    void theFirstGroupsMasterIsFencedFirst() {
        assertThat(next(UpgradeNodes.cluster(OLD), T0)).isInstanceOfSatisfying(UpgradeAction.Fence.class,
                fence -> assertThat(fence.node().nodeId()).isEqualTo("broker-a-0"));
    }

    @Test
    void theSlaveRestartsUnderTheFenceOnlyAfterTheRouteRefreshWindow() {
        step("broker-a-0", UpgradeNodePhase.FENCED, T0);
        List<NodeView> nodes = UpgradeNodes.cluster(OLD);

        assertThat(next(nodes, T0.plus(REFRESH).minusMillis(1))).isInstanceOf(UpgradeAction.Wait.class);
        assertThat(next(nodes, T0.plus(REFRESH))).isInstanceOfSatisfying(UpgradeAction.RestartUnderFence.class,
                restart -> {
                    assertThat(restart.slave().nodeId()).isEqualTo("broker-a-1");
                    assertThat(restart.master().nodeId()).isEqualTo("broker-a-0");
                });
    }

    @Test
    void aSlaveBeingRestartedIsAwaitedWhileItsMasterStaysFenced() {
        step("broker-a-0", UpgradeNodePhase.FENCED, T0);
        step("broker-a-1", UpgradeNodePhase.RESTARTED, T0.plus(REFRESH));
        List<NodeView> nodes = UpgradeNodes.with(UpgradeNodes.cluster(OLD),
                UpgradeNodes.broker("broker-a", 1, NodeState.DOWN, OLD));

        assertThat(next(nodes, T0.plus(REFRESH).plusSeconds(1))).isInstanceOfSatisfying(UpgradeAction.AwaitReady.class,
                await -> {
                    assertThat(await.node().nodeId()).isEqualTo("broker-a-1");
                    assertThat(await.brokers()).isEmpty();
                });
    }

    @Test
    void theFencedMasterIsDrainedOnceItsSlaveIsDone() {
        step("broker-a-0", UpgradeNodePhase.FENCED, T0);
        done("broker-a-1", T0.plus(REFRESH).plusSeconds(5));
        List<NodeView> nodes = UpgradeNodes.with(UpgradeNodes.cluster(OLD),
                UpgradeNodes.broker("broker-a", 1, NodeState.UP, TARGET));

        assertThat(next(nodes, T0.plus(REFRESH).plusSeconds(6))).isInstanceOfSatisfying(UpgradeAction.Drain.class,
                drain -> assertThat(drain.node().nodeId()).isEqualTo("broker-a-0"));
    }

    @Test
    void aDrainedMasterIsRestartedWhileDownAndThenAwaitedUntilTheGateDeadline() {
        done("broker-a-1", T0);
        step("broker-a-0", UpgradeNodePhase.DRAINED, T0);
        List<NodeView> nodes = UpgradeNodes.with(UpgradeNodes.cluster(OLD),
                UpgradeNodes.broker("broker-a", 0, NodeState.DOWN, OLD));

        assertRestart(next(nodes, T0.plusSeconds(1)), "broker-a-0");
        step("broker-a-0", UpgradeNodePhase.RESTARTED, T0.plusSeconds(2));
        assertThat(next(nodes, T0.plusSeconds(3))).isInstanceOfSatisfying(UpgradeAction.AwaitReady.class,
                await -> assertThat(await.deadline()).isEqualTo(T0.plusSeconds(2).plus(PLAN.gateTimeout())));
    }

    @Test
    void theNextGroupStartsOnlyARouteRefreshWindowAfterThePreviousOneFinished() {
        done("broker-a-1", T0);
        done("broker-a-0", T0.plusSeconds(60));
        List<NodeView> nodes = UpgradeNodes.with(UpgradeNodes.with(UpgradeNodes.cluster(OLD),
                UpgradeNodes.broker("broker-a", 1, NodeState.UP, TARGET)),
                UpgradeNodes.broker("broker-a", 0, NodeState.UP, TARGET));

        assertThat(next(nodes, T0.plusSeconds(61))).isInstanceOf(UpgradeAction.Wait.class);
        assertThat(next(nodes, T0.plusSeconds(60).plus(REFRESH))).isInstanceOfSatisfying(UpgradeAction.Fence.class,
                fence -> assertThat(fence.node().nodeId()).isEqualTo("broker-b-0"));
    }

    @Test
    void nameServersComeAfterEveryBrokerGroupAndWaitForEveryBrokerToRegister() {
        List<NodeView> nodes = UpgradeNodes.cluster(TARGET);
        nodes = UpgradeNodes.with(nodes, UpgradeNodes.nameServer(0, NodeState.UP, OLD));
        nodes = UpgradeNodes.with(nodes, UpgradeNodes.nameServer(1, NodeState.UP, OLD));

        assertRestart(next(nodes, T0), "namesrv-0");
        step("namesrv-0", UpgradeNodePhase.RESTARTED, T0);
        assertThat(next(nodes, T0.plusSeconds(1))).isInstanceOfSatisfying(UpgradeAction.AwaitReady.class,
                await -> assertThat(await.brokers()).containsExactly(
                        "broker-a-0:10911", "broker-a-1:10911", "broker-b-0:10911", "broker-b-1:10911"));
    }

    @Test
    void afterTheWindowsEndTheCurrentGroupFinishesButNoNewGroupStarts() {
        Instant late = PLAN.endsAt().plusSeconds(1);
        step("broker-a-0", UpgradeNodePhase.FENCED, T0);
        List<NodeView> nodes = UpgradeNodes.cluster(OLD);
        assertThat(next(nodes, late)).isInstanceOf(UpgradeAction.RestartUnderFence.class);

        done("broker-a-1", T0);
        done("broker-a-0", T0);
        nodes = UpgradeNodes.with(UpgradeNodes.with(nodes, UpgradeNodes.broker("broker-a", 1, NodeState.UP, TARGET)),
                UpgradeNodes.broker("broker-a", 0, NodeState.UP, TARGET));
        assertThat(next(nodes, late)).isInstanceOfSatisfying(UpgradeAction.Pause.class,
                pause -> assertThat(pause.reason()).startsWith("OVERRAN").contains("broker group broker-b"));
    }

    @Test
    void aNodeDownThatIsNotBeingRestartedPausesTheWindow() {
        step("broker-a-1", UpgradeNodePhase.RESTARTED, T0);
        List<NodeView> nodes = UpgradeNodes.with(UpgradeNodes.with(UpgradeNodes.cluster(OLD),
                UpgradeNodes.broker("broker-a", 1, NodeState.DOWN, OLD)),
                UpgradeNodes.broker("broker-b", 0, NodeState.DOWN, OLD));

        assertThat(next(nodes, T0.plusSeconds(1))).isEqualTo(new UpgradeAction.Pause("NODE_LOST: broker-b-0 DOWN"));
    }

    @Test
    void aFencedMasterThatGoesDownIsAnUnplannedLoss() {
        step("broker-a-0", UpgradeNodePhase.FENCED, T0);
        List<NodeView> nodes = UpgradeNodes.with(UpgradeNodes.cluster(OLD),
                UpgradeNodes.broker("broker-a", 0, NodeState.DOWN, OLD));

        assertThat(next(nodes, T0.plusSeconds(1))).isEqualTo(new UpgradeAction.Pause("NODE_LOST: broker-a-0 DOWN"));
    }

    @Test
    void theWindowCompletesWhenEveryNodeRunsTheTarget() {
        assertThat(next(UpgradeNodes.cluster(TARGET), T0)).isEqualTo(new UpgradeAction.Complete());
    }

    private UpgradeAction next(List<NodeView> nodes, Instant now) {
        return UpgradeStepPlanner.next(PLAN, nodes, steps, now);
    }

    private void step(String nodeId, UpgradeNodePhase phase, Instant at) {
        steps.put(nodeId, new NodeStep(nodeId, phase, at, null));
    }

    private void done(String nodeId, Instant at) {
        steps.put(nodeId, new NodeStep(nodeId, UpgradeNodePhase.DONE, at, at));
    }

    private static void assertRestart(UpgradeAction action, String nodeId) {
        assertThat(action).isInstanceOfSatisfying(UpgradeAction.Restart.class,
                restart -> assertThat(restart.node().nodeId()).isEqualTo(nodeId));
    }
}
