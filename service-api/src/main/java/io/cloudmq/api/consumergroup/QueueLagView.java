package io.cloudmq.api.consumergroup;

/**
 * A group's position on one queue.
 *
 * @param topic the instance-local topic name
 * @param brokerName the broker group holding the queue
 * @param queueId queue id
 * @param brokerOffset next queue offset to be written
 * @param consumerOffset the committed offset, -1 when the group has none for the queue
 * @param lag messages still to consume (from the queue's min offset when there is no committed offset)
 */
public record QueueLagView(String topic, String brokerName, int queueId, long brokerOffset, long consumerOffset,
        long lag) {}
