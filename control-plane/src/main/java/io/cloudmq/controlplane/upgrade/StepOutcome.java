package io.cloudmq.controlplane.upgrade;

/**
 * Outcome of one orchestrator step or gate on a node. Immutable.
 *
 * @param ok whether the step succeeded or the gate is passed
 * @param detail what happened, or what the gate still waits for
 */
record StepOutcome(boolean ok, String detail) {

    static StepOutcome ok(String detail) {
        return new StepOutcome(true, detail);
    }

    static StepOutcome failed(String detail) {
        return new StepOutcome(false, detail);
    }
}
