package io.cloudmq.controlplane.consumption;

import io.cloudmq.api.consumergroup.QueueOffsetResetView;

/**
 * One queue of a reset with wire names, as the brokers plan or applied it. Immutable.
 *
 * @param wireTopic topic name on the wire ({@code <instanceId>%<topic>})
 * @param brokerName broker group of the queue
 * @param queueId queue id in the broker group
 * @param currentOffset offset before the reset
 * @param newOffset offset after the reset
 */
record PlannedQueue(String wireTopic, String brokerName, int queueId, long currentOffset, long newOffset) {

    /** Messages the group will not receive: the distance moved forward. */
    long skipped() {
        return Math.max(0, newOffset - currentOffset);
    }

    /** Messages the group will receive again: the distance moved back. */
    long redelivered() {
        return Math.max(0, currentOffset - newOffset);
    }

    /** The public view, with the topic's namespace prefix {@code namespace%} removed. */
    QueueOffsetResetView toView(String namespace) {
        return new QueueOffsetResetView(WireNames.strip(namespace, wireTopic), brokerName, queueId, currentOffset, newOffset, skipped(), redelivered());
    }
}
