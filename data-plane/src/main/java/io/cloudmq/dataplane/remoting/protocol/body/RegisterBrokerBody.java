package io.cloudmq.dataplane.remoting.protocol.body;

import java.util.List;

/**
 * The uncompressed body of {@code REGISTER_BROKER} (spec §2.4):
 * {@code {"filterServerList":[],"topicConfigSerializeWrapper":{"dataVersion":{...},"topicConfigTable":{...}}}}.
 */
public record RegisterBrokerBody(TopicConfigSerializeWrapper topicConfigSerializeWrapper, List<String> filterServerList) {

    public RegisterBrokerBody {
        filterServerList = filterServerList == null ? List.of() : List.copyOf(filterServerList);
    }
}
