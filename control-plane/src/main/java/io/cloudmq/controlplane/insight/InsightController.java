package io.cloudmq.controlplane.insight;

import io.cloudmq.api.consumergroup.ConsumerClientsView;
import io.cloudmq.api.consumergroup.ConsumerLagView;
import io.cloudmq.api.message.MessageQueryView;
import io.cloudmq.api.metrics.MetricSeriesView;
import io.cloudmq.api.topic.TopicStatsView;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The read APIs of an instance's topics, consumer groups and messages, and their metrics history. */
@RestController
@RequestMapping("/api/v1/instances/{instanceId}")
class InsightController {
    private final TopicStatsService topicStats;
    private final ConsumerInsightService consumers;
    private final MessageQueryService messages;
    private final MetricsHistory history;
    private final InstanceNames names;

    InsightController(TopicStatsService topicStats, ConsumerInsightService consumers, MessageQueryService messages,
            MetricsHistory history, InstanceNames names) {
        this.topicStats = topicStats;
        this.consumers = consumers;
        this.messages = messages;
        this.history = history;
        this.names = names;
    }

    @GetMapping("/topics/{topic}/stats")
    TopicStatsView topicStats(@PathVariable String instanceId, @PathVariable String topic) {
        return topicStats.stats(instanceId, topic);
    }

    @GetMapping("/topics/{topic}/metrics")
    MetricSeriesView topicMetrics(@PathVariable String instanceId, @PathVariable String topic) {
        names.clusterOfTopic(instanceId, topic);
        return history.topic(WireNames.wire(instanceId, topic));
    }

    @GetMapping("/consumer-groups/{group}/clients")
    ConsumerClientsView clients(@PathVariable String instanceId, @PathVariable String group) {
        return consumers.clients(instanceId, group);
    }

    @GetMapping("/consumer-groups/{group}/lag")
    ConsumerLagView lag(@PathVariable String instanceId, @PathVariable String group) {
        return consumers.lag(instanceId, group);
    }

    @GetMapping("/consumer-groups/{group}/metrics")
    MetricSeriesView groupMetrics(@PathVariable String instanceId, @PathVariable String group) {
        names.clusterOfGroup(instanceId, group);
        return history.group(WireNames.wire(instanceId, group));
    }

    @GetMapping("/messages")
    MessageQueryView messages(
            @PathVariable String instanceId,
            @RequestParam(required = false) @Nullable String messageId,
            @RequestParam(required = false) @Nullable String topic,
            @RequestParam(required = false) @Nullable String key) {
        return messages.query(instanceId, messageId, topic, key);
    }
}
