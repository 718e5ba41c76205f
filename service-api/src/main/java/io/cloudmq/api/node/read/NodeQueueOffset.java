package io.cloudmq.api.node.read;

/**
 * A group's position on one queue.
 *
 * @param topic wire topic name (a retry topic is {@code %RETRY%<wireGroup>})
 * @param queueId queue id
 * @param minOffset smallest queue offset still stored
 * @param brokerOffset next queue offset to be written
 * @param consumerOffset the committed offset, -1 if the group never committed one for the queue
 */
public record NodeQueueOffset(String topic, int queueId, long minOffset, long brokerOffset, long consumerOffset) {

    /** Messages the group has still to consume: from its committed offset, or from the min offset without one. */
    public long lag() {
        long from = consumerOffset < 0 ? minOffset : Math.max(consumerOffset, minOffset);
        return Math.max(0, brokerOffset - from);
    }
}
