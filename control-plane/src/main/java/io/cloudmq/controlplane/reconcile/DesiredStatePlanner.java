package io.cloudmq.controlplane.reconcile;

import io.cloudmq.api.consumergroup.ConsumerGroupView;
import io.cloudmq.api.consumergroup.ConsumptionMode;
import io.cloudmq.api.consumergroup.DeliveryOrder;
import io.cloudmq.api.instance.InstanceQuotas;
import io.cloudmq.api.instance.InstanceView;
import io.cloudmq.api.node.DesiredGroup;
import io.cloudmq.api.node.DesiredState;
import io.cloudmq.api.node.DesiredTopic;
import io.cloudmq.api.node.NodeRole;
import io.cloudmq.api.topic.TopicView;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Computes what one node serves from a {@link ClusterSnapshot}:
 * <ul>
 *   <li>a broker of group X: every topic placed on X, with the topic's queues per group, its permission bits,
 *       its message type and the instance's message-size quota; and every consumer group of every instance
 *       on the cluster (a consumer may pull from any group's brokers);</li>
 *   <li>a name server: no topics or groups (routes come from broker registrations);</li>
 *   <li>every node, name servers included: every credential of every instance on the cluster, disabled ones
 *       too (so a node can say why it refuses them), and the cluster's operator credential, secrets sealed
 *       as the snapshot holds them.</li>
 * </ul>
 * Wire names are {@code <instanceId>%<name>}: the instance id is the namespace RocketMQ clients prepend.
 * Retry and dead-letter topics are the broker's business. Lists are ordered by wire name, so equal states are
 * equal values. Stateless.
 */
final class DesiredStatePlanner {
    static final char NAMESPACE_SEPARATOR = '%';

    private DesiredStatePlanner() {}

    static DesiredState forNode(ClusterSnapshot snapshot, NodeRole role, @Nullable String brokerName) {
        if (role == NodeRole.NAMESRV || brokerName == null) {
            return new DesiredState(snapshot.generation(), List.of(), List.of(), snapshot.credentials(),
                    snapshot.operator());
        }
        Map<String, InstanceView> instances = snapshot.instances().stream()
                .collect(Collectors.toMap(InstanceView::id, Function.identity()));
        List<DesiredTopic> topics = snapshot.topics().stream()
                .filter(topic -> placedOn(topic, brokerName))
                .filter(topic -> instances.containsKey(topic.instanceId()))
                .map(topic -> topic(topic, instances.get(topic.instanceId())))
                .sorted(Comparator.comparing(DesiredTopic::name))
                .toList();
        List<DesiredGroup> groups = snapshot.groups().stream()
                .map(DesiredStatePlanner::group)
                .sorted(Comparator.comparing(DesiredGroup::name))
                .toList();
        return new DesiredState(snapshot.generation(), topics, groups, snapshot.credentials(), snapshot.operator());
    }

    static String wireName(String instanceId, String name) {
        return instanceId + NAMESPACE_SEPARATOR + name;
    }

    private static boolean placedOn(TopicView topic, String brokerName) {
        List<String> placement = topic.placement().brokerGroups();
        return placement != null && placement.contains(brokerName);
    }

    private static DesiredTopic topic(TopicView topic, InstanceView instance) {
        Integer maxMessageBytes = instance.quotas().maxMessageBytes();
        return new DesiredTopic(wireName(topic.instanceId(), topic.name()), topic.placement().queuesPerGroup(),
                topic.permission().bits(), topic.messageType().name(),
                maxMessageBytes == null ? InstanceQuotas.MAX_MESSAGE_BYTES : maxMessageBytes);
    }

    private static DesiredGroup group(ConsumerGroupView group) {
        return new DesiredGroup(wireName(group.instanceId(), group.name()), group.maxRetries(),
                group.deliveryOrder() == DeliveryOrder.ORDERLY,
                group.consumptionMode() == ConsumptionMode.BROADCASTING);
    }
}
