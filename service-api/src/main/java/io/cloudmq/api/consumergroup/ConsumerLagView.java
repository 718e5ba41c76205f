package io.cloudmq.api.consumergroup;

import java.util.List;

/**
 * Answer of {@code GET /api/v1/instances/{id}/consumer-groups/{group}/lag}.
 *
 * @param group the instance-local group name
 * @param totalLag Σ lag over the queues
 * @param queues every queue of every topic the group has committed offsets for (its retry topic shown as
 *     {@code %RETRY%<group>}), by topic, broker group and queue id
 * @param retryBacklog failed messages waiting for a retry, over all broker groups: the lag of the retry topic's
 *     queues plus the messages still parked for a later retry in the delay (schedule) topic
 * @param deadLetters messages stored in the group's dead-letter topic, over all broker groups
 */
public record ConsumerLagView(String group, long totalLag, List<QueueLagView> queues, long retryBacklog,
        long deadLetters) {
    public ConsumerLagView {
        queues = List.copyOf(queues);
    }
}
