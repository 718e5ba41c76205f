package io.cloudmq.api.node;

import java.util.List;

/**
 * Body of {@code POST /admin/v1/offset-resets}: sets each named queue offset of {@code group} the server-side
 * way (the next pull of each queue answers "offset moved"), with or without consumers online.
 *
 * @param group wire name of the consumer group
 * @param queues the offsets to set
 */
public record NodeOffsetResetRequest(String group, List<NodeQueueOffset> queues) {
    public NodeOffsetResetRequest {
        queues = List.copyOf(queues);
    }
}
