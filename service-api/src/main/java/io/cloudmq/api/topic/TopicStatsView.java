package io.cloudmq.api.topic;

import java.util.List;

/**
 * Answer of {@code GET /api/v1/instances/{id}/topics/{topic}/stats}.
 *
 * @param topic the instance-local topic name
 * @param messageCount messages stored now: Σ(maxOffset − minOffset) over the queues
 * @param sendTps messages stored per second over the last metrics scrape interval, 0 when unknown
 * @param receiveTps messages delivered to consumers per second over the last scrape interval, 0 when unknown
 * @param queues every queue of the topic on every broker group that answered
 */
public record TopicStatsView(String topic, long messageCount, double sendTps, double receiveTps,
        List<QueueStatsView> queues) {
    public TopicStatsView {
        queues = List.copyOf(queues);
    }
}
