package io.cloudmq.api.node;

import java.util.List;

/**
 * Answer of {@code POST /admin/v1/fence}, {@code /unfence} and {@code /drain}.
 *
 * @param status what the action achieved
 * @param drainPhase the node's drain phase after the action
 * @param steps the steps run, in order
 * @param serving the serving state when the action ended: after a drain that left, the GO_AWAY count,
 *     the fenced time and the last request served before the process exits
 */
public record NodeDrainResult(
        NodeDrainStatus status, String drainPhase, List<NodeDrainStep> steps, NodeServingView serving) {

    public NodeDrainResult {
        steps = List.copyOf(steps);
    }
}
