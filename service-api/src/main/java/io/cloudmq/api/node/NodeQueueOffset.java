package io.cloudmq.api.node;

/**
 * A queue offset to set.
 *
 * @param topic wire name of the topic
 * @param queueId queue id on the broker
 * @param offset the consume offset to set
 */
public record NodeQueueOffset(String topic, int queueId, long offset) {}
