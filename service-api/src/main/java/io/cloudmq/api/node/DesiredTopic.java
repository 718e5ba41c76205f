package io.cloudmq.api.node;

/**
 * One topic as a broker serves it.
 *
 * @param name wire name, {@code <namespace>%<topic>}, at most 127 bytes
 * @param queues read and write queue count on this broker group
 * @param perm RocketMQ permission bits (4 = read, 2 = write, 6 = both)
 * @param messageType {@code NORMAL}, {@code FIFO}, {@code DELAY} or {@code TRANSACTION}
 * @param maxMessageSize largest message body the broker accepts for this topic, in bytes (the instance quota)
 */
public record DesiredTopic(String name, int queues, int perm, String messageType, int maxMessageSize) {}
