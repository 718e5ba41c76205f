package io.cloudmq.dataplane.remoting.protocol.body;

import java.util.Set;
import org.jspecify.annotations.Nullable;

/** A set of topic names, as RocketMQ's {@code TopicList}: {@code {"topicList":["A","B"]}}. */
public record TopicList(Set<String> topicList, @Nullable String brokerAddr) {

    public TopicList {
        topicList = Set.copyOf(topicList);
    }
}
