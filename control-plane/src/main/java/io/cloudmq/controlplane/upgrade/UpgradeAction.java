package io.cloudmq.controlplane.upgrade;

import io.cloudmq.api.node.NodeView;
import java.time.Instant;
import java.util.List;

/** The next thing the orchestrator does for a window, as {@link UpgradeStepPlanner} decides it. Immutable. */
sealed interface UpgradeAction {

    /** Fence a master's writes (its clients move their sends to the other groups). */
    record Fence(NodeView node) implements UpgradeAction {}

    /** Drain a fenced master (fence it again if not): it flushes, replicates, leaves and exits. */
    record Drain(NodeView node) implements UpgradeAction {}

    /** Restart a node on the target runtime. */
    record Restart(NodeView node) implements UpgradeAction {}

    /** Restart a slave on the target runtime while its group's {@code master} is fenced (fence it again if not). */
    record RestartUnderFence(NodeView slave, NodeView master) implements UpgradeAction {}

    /**
     * Check whether a restarted node serves the target and is caught up — a name server: has every broker of
     * {@code brokers} (remoting addresses; empty for a broker) registered again; pause if not by {@code deadline}.
     */
    record AwaitReady(NodeView node, Instant deadline, List<String> brokers) implements UpgradeAction {

        public AwaitReady {
            brokers = List.copyOf(brokers);
        }
    }

    /** Nothing to do yet (e.g. the route-refresh window runs). */
    record Wait(String why) implements UpgradeAction {}

    /** Stop touching nodes; the window goes {@code PAUSED} with this reason. */
    record Pause(String reason) implements UpgradeAction {}

    /** Every node runs the target: the window is {@code COMPLETED}. */
    record Complete() implements UpgradeAction {}
}
