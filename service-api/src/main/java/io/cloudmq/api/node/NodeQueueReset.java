package io.cloudmq.api.node;

/**
 * One queue of a broker's reset plan or applied reset.
 *
 * @param topic wire name of the topic
 * @param queueId queue id on the broker
 * @param currentOffset the group's committed offset before the reset (the queue's minimum if none)
 * @param newOffset the offset after the reset
 */
public record NodeQueueReset(String topic, int queueId, long currentOffset, long newOffset) {}
