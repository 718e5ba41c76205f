package io.cloudmq.dataplane.remoting.protocol.body;

import java.util.List;
import java.util.Map;

/**
 * The body of a successful {@code GET_ROUTEINFO_BY_TOPIC} (spec §2.1). {@code queueDatas} and
 * {@code brokerDatas} are never null (the client iterates them unchecked); {@code orderTopicConf} and
 * {@code topicQueueMappingByBroker} are never written, so the client stays out of logical-queue mode.
 */
public record TopicRouteData(
        List<QueueData> queueDatas, List<BrokerData> brokerDatas, Map<String, List<String>> filterServerTable) {

    public TopicRouteData {
        queueDatas = List.copyOf(queueDatas);
        brokerDatas = List.copyOf(brokerDatas);
        filterServerTable = Map.copyOf(filterServerTable);
    }
}
