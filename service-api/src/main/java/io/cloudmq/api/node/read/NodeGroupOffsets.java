package io.cloudmq.api.node.read;

import java.util.List;

/**
 * Answer of {@code GET /admin/v1/groups/{wireGroup}/offsets}: for every topic the group has committed offsets
 * for on one broker, every read queue of that topic.
 *
 * @param group wire group name
 * @param brokerName the broker group of the answering node
 * @param queues by topic, then queue id
 */
public record NodeGroupOffsets(String group, String brokerName, List<NodeQueueOffset> queues) {
    public NodeGroupOffsets {
        queues = List.copyOf(queues);
    }
}
