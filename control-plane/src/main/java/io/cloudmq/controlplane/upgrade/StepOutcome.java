package io.cloudmq.controlplane.upgrade;

import io.cloudmq.api.node.NodeServingView;
import org.jspecify.annotations.Nullable;

/**
 * Outcome of one orchestrator step or gate on a node. Immutable.
 *
 * @param ok whether the step succeeded or the gate is passed
 * @param detail what happened, or what the gate still waits for
 * @param serving the node's serving record when the step ended (a drain's answer), {@code null} if not known
 */
record StepOutcome(boolean ok, String detail, @Nullable NodeServingView serving) {

    StepOutcome(boolean ok, String detail) {
        this(ok, detail, null);
    }

    static StepOutcome ok(String detail) {
        return new StepOutcome(true, detail);
    }

    static StepOutcome failed(String detail) {
        return new StepOutcome(false, detail);
    }
}
