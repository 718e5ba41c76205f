package io.cloudmq.dataplane.remoting.protocol.body;

import java.util.Map;

/**
 * A topic as a broker registers it (spec §2.4), as RocketMQ's {@code TopicConfig}. Unknown fields that
 * newer brokers add (e.g. {@code topicMessageType}) are ignored on input.
 */
public record TopicConfig(
        String topicName,
        int readQueueNums,
        int writeQueueNums,
        int perm,
        String topicFilterType,
        int topicSysFlag,
        boolean order,
        Map<String, String> attributes) {

    public static final String SINGLE_TAG = "SINGLE_TAG";

    public TopicConfig {
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
    }

    /** An unordered single-tag topic with the same read and write queue count. */
    public static TopicConfig of(String topicName, int queueNums, int perm) {
        return new TopicConfig(topicName, queueNums, queueNums, perm, SINGLE_TAG, 0, false, Map.of());
    }
}
