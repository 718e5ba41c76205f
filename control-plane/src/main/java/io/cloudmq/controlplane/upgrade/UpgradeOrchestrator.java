package io.cloudmq.controlplane.upgrade;

import io.cloudmq.api.node.NodeView;
import io.cloudmq.api.upgrade.PreCheckView;
import io.cloudmq.api.upgrade.UpgradeWindowView;
import io.cloudmq.controlplane.node.NodeService;
import io.cloudmq.controlplane.shared.leadership.SingletonGuard;
import io.cloudmq.controlplane.shared.scheduling.FixedDelayLoop;
import java.time.Clock;
import java.util.List;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Rolls the nodes of every {@code IN_PROGRESS} window onto its target version (ARCHITECTURE §3, §4), one step
 * after the other as {@link UpgradeStepPlanner} decides from the persisted progress, and completes the window
 * when every node runs the target. Before it touches the first node it runs the pre-check again: a no-go
 * pauses the window with the failed conditions as reason (nothing is touched; a resume runs it again).
 * Each pass also reads the brokers' failed-send counters for the report ({@link FailedSendSampler}).
 *
 * <p>Runs only on the replica holding the {@value #SINGLETON} lock, on its own thread (a drain or a restart
 * blocks for seconds, which must not hold up the shared scheduler), and only where
 * {@code cloudmq.upgrade.orchestrator-enabled} is not false (tests that drive windows by hand turn it off). Thread-safe: one thread runs the passes.
 */
@Component
@ConditionalOnBooleanProperty(name = "cloudmq.upgrade.orchestrator-enabled", matchIfMissing = true)
class UpgradeOrchestrator implements SmartLifecycle {
    static final String SINGLETON = "upgrade-orchestrator";
    static final String PRE_CHECK_FAILED = "PRE_CHECK_FAILED";
    /** Steps one pass may take for one window before the next pass (the planner is asked again after each). */
    private static final int MAX_STEPS_PER_PASS = 16;
    private static final Logger log = LoggerFactory.getLogger(UpgradeOrchestrator.class);

    private final UpgradeWindowService windows;
    private final UpgradeProgressService progress;
    private final UpgradePreCheckService preChecks;
    private final NodeService nodes;
    private final UpgradeStepRunner runner;
    private final FailedSendSampler failedSends;
    private final SingletonGuard guard;
    private final UpgradeProperties properties;
    private final Clock clock;
    private final FixedDelayLoop loop;

    UpgradeOrchestrator(UpgradeWindowService windows, UpgradeProgressService progress,
            UpgradePreCheckService preChecks, NodeService nodes, UpgradeNodeControl control,
            FailedSendSampler failedSends, SingletonGuard guard, UpgradeProperties properties, Clock clock) {
        this.windows = windows;
        this.progress = progress;
        this.preChecks = preChecks;
        this.nodes = nodes;
        this.runner = new UpgradeStepRunner(windows, progress, control, clock);
        this.failedSends = failedSends;
        this.guard = guard;
        this.properties = properties;
        this.clock = clock;
        this.loop = new FixedDelayLoop("upgrade-orchestrator", properties.orchestratorInterval(), this::tick);
    }

    @Override
    public void start() {
        loop.start();
    }

    @Override
    public void stop() {
        loop.stop();
    }

    @Override
    public boolean isRunning() {
        return loop.isRunning();
    }

    private void tick() {
        try {
            guard.runIfLeader(SINGLETON, () -> windows.inProgress().forEach(this::advance));
        } catch (RuntimeException e) {
            log.warn("Upgrade orchestrator pass failed; retrying at the next one", e);
        }
    }

    /** One pass over {@code window}: steps until the planner says wait, pause or complete. */
    private void advance(UpgradeWindowView window) {
        try {
            if (progress.steps(window.id()).isEmpty() && !preCheckPasses(window)) {
                return;
            }
            UpgradePlan plan = new UpgradePlan(window.targetVersion(), window.endsAt(), properties.routeRefresh(),
                    properties.gateTimeout());
            failedSends.sampleAll(window, nodes.list(window.cluster()));
            boolean again = true;
            for (int step = 0; again && step < MAX_STEPS_PER_PASS; step++) {
                List<NodeView> current = nodes.list(window.cluster());
                UpgradeAction action = UpgradeStepPlanner.next(
                        plan, current, progress.steps(window.id()), clock.instant());
                sampleBefore(window, action, current);
                again = runner.run(window, action);
            }
        } catch (RuntimeException e) {
            // e.g. an operator paused or aborted the window meanwhile: the next pass sees its new state.
            log.warn("Upgrade window {} of cluster {}: pass stopped: {}", window.id(), window.cluster(), e.toString());
        }
    }

    /** Reads the failed-send counters a step is about to end (a stopping broker's) or the last ones. */
    private void sampleBefore(UpgradeWindowView window, UpgradeAction action, List<NodeView> current) {
        if (action instanceof UpgradeAction.Drain drain) {
            failedSends.sample(window, drain.node());
        } else if (action instanceof UpgradeAction.Restart restart) {
            failedSends.sample(window, restart.node());
        } else if (action instanceof UpgradeAction.Complete) {
            failedSends.sampleAll(window, current);
        }
    }

    private boolean preCheckPasses(UpgradeWindowView window) {
        PreCheckView check = preChecks.run(window.cluster(), window.id());
        if (check.go()) {
            return true;
        }
        String failed = check.checks().stream()
                .filter(item -> !item.passed())
                .map(item -> item.name() + " (" + item.detail() + ")")
                .collect(Collectors.joining("; "));
        runner.pause(window, PRE_CHECK_FAILED + ": " + failed);
        return false;
    }
}
