package io.cloudmq.controlplane.upgrade;

import io.cloudmq.api.node.NodeView;
import java.time.Instant;

/** The next thing the orchestrator does for a window, as {@link UpgradeStepPlanner} decides it. Immutable. */
sealed interface UpgradeAction {

    /** Fence a master's writes (its clients move their sends to the other groups). */
    record Fence(NodeView node) implements UpgradeAction {}

    /** Drain a fenced master: it flushes, replicates, leaves and exits. */
    record Drain(NodeView node) implements UpgradeAction {}

    /** Restart a node on the target runtime. */
    record Restart(NodeView node) implements UpgradeAction {}

    /** Check whether a restarted node serves the target and is caught up; pause if not by {@code deadline}. */
    record AwaitReady(NodeView node, Instant deadline) implements UpgradeAction {}

    /** Nothing to do yet (e.g. the route-refresh window runs). */
    record Wait(String why) implements UpgradeAction {}

    /** Stop touching nodes; the window goes {@code PAUSED} with this reason. */
    record Pause(String reason) implements UpgradeAction {}

    /** Every node runs the target: the window is {@code COMPLETED}. */
    record Complete() implements UpgradeAction {}
}
