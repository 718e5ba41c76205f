package io.cloudmq.controlplane.insight;

import io.cloudmq.api.consumergroup.ConsumerClientView;
import io.cloudmq.api.consumergroup.ConsumerClientsView;
import io.cloudmq.api.consumergroup.ConsumerLagView;
import io.cloudmq.api.consumergroup.QueueLagView;
import io.cloudmq.api.node.NodeView;
import io.cloudmq.api.node.read.NodeClient;
import io.cloudmq.api.node.read.NodeGroupOffsets;
import io.cloudmq.api.node.read.NodeQueueOffset;
import io.cloudmq.controlplane.node.NodeAdminClient;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/**
 * A consumer group's connected clients, lag, retry backlog and dead-letter count, read from every broker group's
 * reader (one that does not answer is left out). Thread-safe.
 */
@Service
class ConsumerInsightService {
    private final InstanceNames names;
    private final BrokerReaders readers;
    private final NodeAdminClient admin;

    ConsumerInsightService(InstanceNames names, BrokerReaders readers, NodeAdminClient admin) {
        this.names = names;
        this.readers = readers;
        this.admin = admin;
    }

    /** One entry per client id, from the first broker group (by name) that reports it; ordered by client id. */
    ConsumerClientsView clients(String instanceId, String group) {
        String cluster = names.clusterOfGroup(instanceId, group);
        Map<String, ConsumerClientView> byClientId = new TreeMap<>();
        for (NodeView reader : readers.of(cluster)) {
            admin.groupClients(reader.adminUrl(), WireNames.wire(instanceId, group)).answer().ifPresent(found -> {
                for (NodeClient client : found.clients()) {
                    byClientId.putIfAbsent(client.clientId(), new ConsumerClientView(client.clientId(), client.address(),
                            client.language(), client.version(), ClientVersions.name(client.version()),
                            found.brokerName(), client.lastHeartbeat()));
                }
            });
        }
        return new ConsumerClientsView(group, List.copyOf(byClientId.values()));
    }

    /**
     * Every queue of every topic the group has offsets for (or subscribed to) on any broker group, by topic,
     * broker group and queue id: a broker group that lacks some of those topics is asked again for them, so
     * messages on a broker where the group never committed count as lag.
     */
    ConsumerLagView lag(String instanceId, String group) {
        String cluster = names.clusterOfGroup(instanceId, group);
        String wireGroup = WireNames.wire(instanceId, group);
        Map<NodeView, NodeGroupOffsets> answers = new LinkedHashMap<>();
        for (NodeView reader : readers.of(cluster)) {
            admin.groupOffsets(reader.adminUrl(), wireGroup, Set.of()).answer().ifPresent(found -> answers.put(reader, found));
        }
        Set<String> topics = answers.values().stream().flatMap(found -> topicsOf(found).stream()).collect(Collectors.toSet());
        List<QueueLagView> queues = new ArrayList<>();
        long parkedRetries = 0;
        long deadLetters = 0;
        for (Map.Entry<NodeView, NodeGroupOffsets> answer : answers.entrySet()) {
            NodeGroupOffsets found = answer.getValue();
            NodeGroupOffsets complete = topicsOf(found).containsAll(topics) ? found
                    : admin.groupOffsets(answer.getKey().adminUrl(), wireGroup, topics).answer().orElse(found);
            queues.addAll(queues(instanceId, complete));
            parkedRetries += complete.parkedRetries();
            deadLetters += complete.deadLetters();
        }
        queues.sort(Comparator.comparing(QueueLagView::topic).thenComparing(QueueLagView::brokerName)
                .thenComparingInt(QueueLagView::queueId));
        String retryTopic = WireNames.RETRY + group;
        long retryLag = queues.stream().filter(queue -> queue.topic().equals(retryTopic)).mapToLong(QueueLagView::lag)
                .sum();
        return new ConsumerLagView(group, queues.stream().mapToLong(QueueLagView::lag).sum(), queues,
                retryLag + parkedRetries, deadLetters);
    }

    private static Set<String> topicsOf(NodeGroupOffsets offsets) {
        return offsets.queues().stream().map(NodeQueueOffset::topic).collect(Collectors.toSet());
    }

    private static List<QueueLagView> queues(String instanceId, NodeGroupOffsets offsets) {
        List<QueueLagView> queues = new ArrayList<>();
        for (NodeQueueOffset queue : offsets.queues()) {
            WireNames.local(instanceId, queue.topic()).ifPresent(topic -> queues.add(new QueueLagView(topic,
                    offsets.brokerName(), queue.queueId(), queue.brokerOffset(), queue.consumerOffset(), queue.lag())));
        }
        return queues;
    }
}
