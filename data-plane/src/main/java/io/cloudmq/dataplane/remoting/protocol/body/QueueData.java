package io.cloudmq.dataplane.remoting.protocol.body;

/**
 * One broker group's queues of a topic in a route, as RocketMQ's {@code QueueData} (spec §2.1).
 * JSON: {@code {"brokerName":"broker-a","perm":6,"readQueueNums":4,"topicSysFlag":0,"writeQueueNums":4}}.
 */
public record QueueData(String brokerName, int readQueueNums, int writeQueueNums, int perm, int topicSysFlag) {}
