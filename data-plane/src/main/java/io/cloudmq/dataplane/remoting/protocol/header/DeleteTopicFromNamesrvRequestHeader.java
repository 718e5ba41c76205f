package io.cloudmq.dataplane.remoting.protocol.header;

import io.cloudmq.dataplane.remoting.protocol.HeaderFields;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Custom header of {@code DELETE_TOPIC_IN_NAMESRV} (216), as RocketMQ's
 * {@code DeleteTopicFromNamesrvRequestHeader}: without a cluster name the topic goes from every cluster.
 */
public record DeleteTopicFromNamesrvRequestHeader(String topic, @Nullable String clusterName) {

    public static DeleteTopicFromNamesrvRequestHeader fromExtFields(Map<String, String> fields) {
        return new DeleteTopicFromNamesrvRequestHeader(HeaderFields.requireString(fields, "topic"), fields.get("clusterName"));
    }
}
