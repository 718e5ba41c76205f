package io.cloudmq.api.node.read;

import java.util.List;

/**
 * Answer of {@code GET /admin/v1/topics/{wireTopic}/stats}: the topic's queues on one broker.
 *
 * @param topic wire topic name
 * @param brokerName the broker group of the answering node
 * @param queues one entry per read queue, by queue id
 */
public record NodeTopicStats(String topic, String brokerName, List<NodeQueueStats> queues) {
    public NodeTopicStats {
        queues = List.copyOf(queues);
    }
}
