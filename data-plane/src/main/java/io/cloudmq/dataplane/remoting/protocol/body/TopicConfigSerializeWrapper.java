package io.cloudmq.dataplane.remoting.protocol.body;

import java.util.Map;

/** A broker's topic table with its version, as RocketMQ's {@code TopicConfigSerializeWrapper}. */
public record TopicConfigSerializeWrapper(Map<String, TopicConfig> topicConfigTable, DataVersion dataVersion) {

    public TopicConfigSerializeWrapper {
        topicConfigTable = topicConfigTable == null ? Map.of() : Map.copyOf(topicConfigTable);
    }
}
