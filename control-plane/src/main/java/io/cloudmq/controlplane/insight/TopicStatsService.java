package io.cloudmq.controlplane.insight;

import io.cloudmq.api.metrics.MetricPoint;
import io.cloudmq.api.node.NodeView;
import io.cloudmq.api.node.read.NodeTopicStats;
import io.cloudmq.api.topic.QueueStatsView;
import io.cloudmq.api.topic.TopicStatsView;
import io.cloudmq.controlplane.node.NodeAdminClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;

/**
 * A topic's queues read from every broker group that serves it (groups whose reader does not answer are left
 * out), with the latest rates of the {@link MetricsHistory}. Thread-safe.
 */
@Service
class TopicStatsService {
    private final InstanceNames names;
    private final BrokerReaders readers;
    private final NodeAdminClient admin;
    private final MetricsHistory history;

    TopicStatsService(InstanceNames names, BrokerReaders readers, NodeAdminClient admin, MetricsHistory history) {
        this.names = names;
        this.readers = readers;
        this.admin = admin;
        this.history = history;
    }

    TopicStatsView stats(String instanceId, String topic) {
        String cluster = names.clusterOfTopic(instanceId, topic);
        String wireTopic = WireNames.wire(instanceId, topic);
        List<QueueStatsView> queues = new ArrayList<>();
        for (NodeView reader : readers.of(cluster)) {
            admin.topicStats(reader.adminUrl(), wireTopic).answer().ifPresent(stats -> queues.addAll(queues(stats)));
        }
        long messageCount = queues.stream().mapToLong(queue -> queue.maxOffset() - queue.minOffset()).sum();
        Map<String, Double> rates = history.latestTopic(wireTopic).map(MetricPoint::values).orElse(Map.of());
        return new TopicStatsView(topic, messageCount, rates.getOrDefault(MetricsHistory.SEND_TPS, 0.0),
                rates.getOrDefault(MetricsHistory.RECEIVE_TPS, 0.0), queues);
    }

    private static List<QueueStatsView> queues(NodeTopicStats stats) {
        return stats.queues().stream().map(queue -> new QueueStatsView(stats.brokerName(), queue.queueId(),
                queue.minOffset(), queue.maxOffset(), queue.lastStoreTime())).toList();
    }
}
