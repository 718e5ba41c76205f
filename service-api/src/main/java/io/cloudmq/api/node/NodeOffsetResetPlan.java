package io.cloudmq.api.node;

import java.util.List;

/**
 * Answer of the broker's offset-reset endpoints: per queue of every topic the group committed offsets for
 * (its retry and dead-letter topics excepted), the offset before and after.
 *
 * @param brokerName the broker group answering
 * @param queues one entry per queue, ordered by topic and queue id
 */
public record NodeOffsetResetPlan(String brokerName, List<NodeQueueReset> queues) {
    public NodeOffsetResetPlan {
        queues = List.copyOf(queues);
    }
}
