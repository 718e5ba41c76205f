package io.cloudmq.api.consumergroup;

import java.util.List;

/**
 * Answer of {@code GET /api/v1/instances/{id}/consumer-groups/{group}/lag}.
 *
 * @param group the instance-local group name
 * @param totalLag Σ lag over the queues
 * @param queues every queue of every topic the group has committed offsets for (its retry topic shown as
 *     {@code %RETRY%<group>}), by topic, broker group and queue id
 */
public record ConsumerLagView(String group, long totalLag, List<QueueLagView> queues) {
    public ConsumerLagView {
        queues = List.copyOf(queues);
    }
}
