package io.cloudmq.dataplane.remoting.protocol.body;

/** One queue of a topic on a broker group, as RocketMQ's {@code MessageQueue}. */
public record MessageQueue(String topic, String brokerName, int queueId) {}
