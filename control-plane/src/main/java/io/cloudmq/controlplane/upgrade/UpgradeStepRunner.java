package io.cloudmq.controlplane.upgrade;

import io.cloudmq.api.node.NodeServingView;
import io.cloudmq.api.node.NodeView;
import io.cloudmq.api.upgrade.UpgradeNodePhase;
import io.cloudmq.api.upgrade.UpgradeWindowView;
import java.time.Clock;
import java.time.Instant;
import java.util.function.BooleanSupplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Carries out one {@link UpgradeAction} of a window and persists its outcome: a step that succeeds moves the
 * node's phase, a step that fails or a gate past its deadline pauses the window with the reason. Called from
 * the orchestrator's thread only; the node calls run outside any transaction.
 *
 * <p>For the report it records each node's stop (the last request it served before the drain or restart,
 * its write-fenced time) and the first request it served after the restart, both from the node's own serving
 * record. Where the node has none (a name server of an older runtime) or served nothing yet, the control
 * plane's own instant of the stop or of the passed ready gate stands in.
 */
final class UpgradeStepRunner {
    static final String STEP_FAILED = "STEP_FAILED";
    static final String GATE_TIMEOUT = "GATE_TIMEOUT";
    private static final Logger log = LoggerFactory.getLogger(UpgradeStepRunner.class);

    private final UpgradeWindowService windows;
    private final UpgradeProgressService progress;
    private final UpgradeNodeControl control;
    private final UpgradeGates gates;
    private final Clock clock;

    UpgradeStepRunner(UpgradeWindowService windows, UpgradeProgressService progress, UpgradeNodeControl control,
            Clock clock) {
        this.windows = windows;
        this.progress = progress;
        this.control = control;
        this.gates = new UpgradeGates(control);
        this.clock = clock;
    }

    /** Runs {@code action}; true when the window moved on and the planner should be asked again right away. */
    boolean run(UpgradeWindowView window, UpgradeAction action) {
        if (action instanceof UpgradeAction.Fence fence) {
            return step(window, fence.node(), UpgradeNodePhase.FENCED, control.fence(fence.node()));
        }
        if (action instanceof UpgradeAction.Drain drain) {
            return underFence(window, drain.node(), () -> drain(window, drain.node()));
        }
        if (action instanceof UpgradeAction.Restart restart) {
            return restart(window, restart.node());
        }
        if (action instanceof UpgradeAction.RestartUnderFence restart) {
            return underFence(window, restart.master(), () -> restart(window, restart.slave()));
        }
        if (action instanceof UpgradeAction.AwaitReady await) {
            return awaitReady(window, await);
        }
        if (action instanceof UpgradeAction.Pause pause) {
            return pause(window, pause.reason());
        }
        if (action instanceof UpgradeAction.Complete) {
            windows.complete(window.cluster(), window.id(), clock.instant());
            log.info("Upgrade window {} of cluster {} completed: every node runs {}",
                    window.id(), window.cluster(), window.targetVersion());
        }
        return false;
    }

    /** Pauses the window with {@code reason}; never asks the planner again. */
    boolean pause(UpgradeWindowView window, String reason) {
        windows.pause(window.cluster(), window.id(), reason, clock.instant());
        log.warn("Upgrade window {} of cluster {} paused: {}", window.id(), window.cluster(), reason);
        return false;
    }

    private boolean step(UpgradeWindowView window, NodeView node, UpgradeNodePhase reached, StepOutcome outcome) {
        if (!outcome.ok()) {
            return pause(window, STEP_FAILED + ": " + node.nodeId() + " did not reach " + reached + ": "
                    + outcome.detail());
        }
        progress.reach(window.id(), node.nodeId(), reached, clock.instant(), outcome.detail());
        log.info("Upgrade window {}: {} {} ({})", window.id(), node.nodeId(), reached, outcome.detail());
        return true;
    }

    /**
     * Drains a master, with its next process ready to take over the moment it left, and records its stop from
     * the drain's answer: last request served, write-fenced time. A failed drain stops that next process.
     */
    private boolean drain(UpgradeWindowView window, NodeView node) {
        boolean prepared = control.prepareRestart(node, window.targetVersion());
        StepOutcome outcome = control.drain(node);
        if (prepared && !outcome.ok()) {
            control.discardPreparedRestart(node);
        }
        boolean moved = step(window, node, UpgradeNodePhase.DRAINED, outcome);
        if (moved) {
            recordStop(window, node, outcome.serving(), null);
        }
        return moved;
    }

    /**
     * Restarts a node, its next process made ready first; one not drained before (a slave, a name server) has its
     * stop recorded from its serving record read just before the restart (never write-fenced): it could serve
     * until then, also while its next process warmed up.
     */
    private boolean restart(UpgradeWindowView window, NodeView node) {
        control.prepareRestart(node, window.targetVersion());
        boolean stopKnown = progress.stopRecorded(window.id(), node.nodeId());
        NodeServingView before = stopKnown ? null : control.serving(node).orElse(null);
        Instant stopAsked = clock.instant();
        boolean moved = step(window, node, UpgradeNodePhase.RESTARTED, control.restart(node, window.targetVersion()));
        if (moved && !stopKnown) {
            recordStop(window, node, before, stopAsked);
        }
        return moved;
    }

    /**
     * Records a node's stop: its last served request, or {@code availableUntil} if that is later (a node not
     * drained, idle or without a serving record, was available until its restart was asked for); a drained node
     * without a served request stopped now.
     */
    private void recordStop(UpgradeWindowView window, NodeView node, @Nullable NodeServingView serving,
            @Nullable Instant availableUntil) {
        Instant lastRequest = serving == null ? null : serving.lastRequestServedAt();
        Instant lastServed = availableUntil == null
                ? (lastRequest == null ? clock.instant() : lastRequest)
                : (lastRequest != null && lastRequest.isAfter(availableUntil) ? lastRequest : availableUntil);
        progress.stopped(window.id(), node.nodeId(), new NodeStop(node.brokerName(), node.version(), lastServed,
                serving == null ? 0 : serving.fencedMillis()));
    }

    /**
     * Runs {@code next} (the drain of {@code master}, or a slave's restart) while the master's fence holds. A
     * master that lost its fence meanwhile (it crashed and its supervisor restarted it, registered writable) is
     * fenced again instead, and the planner waits another route-refresh window: clients may route sends to it
     * again, which a drain would turn away and which a SYNC_MASTER without its slave would fail.
     */
    private boolean underFence(UpgradeWindowView window, NodeView master, BooleanSupplier next) {
        if (control.fenced(master)) {
            return next.getAsBoolean();
        }
        log.warn("Upgrade window {}: {} is no longer fenced; fencing it again", window.id(), master.nodeId());
        return step(window, master, UpgradeNodePhase.FENCED, control.fence(master));
    }

    /**
     * When a restarted node served again: its first request, or the moment it accepted requests if that was
     * earlier (an idle node); without either (no serving record) the ready gate's instant.
     */
    private static @Nullable Instant availableAgainAt(NodeServingView serving) {
        Instant first = serving.firstRequestServedAt();
        Instant accepting = serving.acceptingSince();
        if (first == null || accepting == null) {
            return first == null ? accepting : first;
        }
        return first.isBefore(accepting) ? first : accepting;
    }

    private boolean awaitReady(UpgradeWindowView window, UpgradeAction.AwaitReady await) {
        NodeView node = await.node();
        StepOutcome gate = gates.ready(node, window.targetVersion(), await.brokers());
        Instant now = clock.instant();
        if (gate.ok()) {
            progress.reach(window.id(), node.nodeId(), UpgradeNodePhase.DONE, now, gate.detail());
            progress.served(window.id(), node.nodeId(), control.serving(node).map(UpgradeStepRunner::availableAgainAt)
                    .orElse(now));
            log.info("Upgrade window {}: {} done ({})", window.id(), node.nodeId(), gate.detail());
            return true;
        }
        if (now.isAfter(await.deadline())) {
            return pause(window, GATE_TIMEOUT + ": " + gate.detail());
        }
        progress.note(window.id(), node.nodeId(), gate.detail());
        return false;
    }
}
