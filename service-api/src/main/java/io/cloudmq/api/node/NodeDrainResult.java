package io.cloudmq.api.node;

import java.util.List;

/**
 * Answer of {@code POST /admin/v1/fence}, {@code /unfence} and {@code /drain}.
 *
 * @param status what the action achieved
 * @param drainPhase the node's drain phase after the action
 * @param steps the steps run, in order
 */
public record NodeDrainResult(NodeDrainStatus status, String drainPhase, List<NodeDrainStep> steps) {

    public NodeDrainResult {
        steps = List.copyOf(steps);
    }
}
