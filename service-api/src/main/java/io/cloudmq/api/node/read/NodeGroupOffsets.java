package io.cloudmq.api.node.read;

import java.util.List;

/**
 * Answer of {@code GET /admin/v1/groups/{wireGroup}/offsets}: for every topic the group has committed offsets
 * for on one broker, every read queue of that topic.
 *
 * @param group wire group name
 * @param brokerName the broker group of the answering node
 * @param queues by topic, then queue id
 * @param parkedRetries messages of the group's retry topic still parked for a later retry on this broker (in
 *     {@code SCHEDULE_TOPIC_XXXX}, not yet in the retry topic; 0 on a slave, which does not deliver them)
 * @param deadLetters messages stored in the group's dead-letter topic {@code %DLQ%<wireGroup>} on this broker
 */
public record NodeGroupOffsets(String group, String brokerName, List<NodeQueueOffset> queues, long parkedRetries,
        long deadLetters) {
    public NodeGroupOffsets {
        queues = List.copyOf(queues);
    }
}
