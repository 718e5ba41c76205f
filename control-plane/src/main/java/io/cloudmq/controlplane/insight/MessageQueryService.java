package io.cloudmq.controlplane.insight;

import io.cloudmq.api.message.DeliveryState;
import io.cloudmq.api.message.MessageDeliveryView;
import io.cloudmq.api.message.MessageQueryView;
import io.cloudmq.api.message.MessageView;
import io.cloudmq.api.node.NodeView;
import io.cloudmq.api.node.read.NodeDelivery;
import io.cloudmq.api.node.read.NodeMessage;
import io.cloudmq.api.node.read.NodeMessages;
import io.cloudmq.api.topic.TopicView;
import io.cloudmq.controlplane.node.NodeAdminClient;
import io.cloudmq.controlplane.node.NodeRead;
import io.cloudmq.controlplane.shared.error.InvalidFieldException;
import io.cloudmq.controlplane.topic.TopicService;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * Message queries of an instance, asked of every broker group's reader and merged newest first. By id: the id
 * is first taken as an offset message id (only the broker that stored it answers, the id names its store
 * address); if no broker has it, as a client-generated unique id ({@code UNIQ_KEY}, what a producer's
 * {@code SendResult.getMsgId()} shows) searched in every topic of the instance. By key: the topic's messages
 * with that key. Only messages of the instance's topics are answered, with the deliveries of the instance's
 * groups. Thread-safe.
 */
@Service
class MessageQueryService {
    private static final String UNIQUE_KEY = "UNIQ_KEY";

    private final InstanceNames names;
    private final BrokerReaders readers;
    private final NodeAdminClient admin;
    private final TopicService topics;

    MessageQueryService(InstanceNames names, BrokerReaders readers, NodeAdminClient admin, TopicService topics) {
        this.names = names;
        this.readers = readers;
        this.admin = admin;
        this.topics = topics;
    }

    /** Exactly one of {@code messageId} or {@code topic} with {@code key}; 400 otherwise. */
    MessageQueryView query(String instanceId, @Nullable String messageId, @Nullable String topic,
            @Nullable String key) {
        String id = blankToNull(messageId);
        String topicName = blankToNull(topic);
        String keyValue = blankToNull(key);
        if (id != null && topicName == null && keyValue == null) {
            return new MessageQueryView(byId(instanceId, id));
        }
        if (id == null && topicName != null && keyValue != null) {
            return new MessageQueryView(byKey(instanceId, topicName, keyValue));
        }
        throw new InvalidFieldException("messageId", "give either messageId or both topic and key");
    }

    private static @Nullable String blankToNull(@Nullable String parameter) {
        return parameter == null || parameter.isBlank() ? null : parameter;
    }

    private List<MessageView> byId(String instanceId, String messageId) {
        List<NodeView> brokers = readers.of(names.clusterOf(instanceId));
        List<MessageView> found = merge(instanceId, brokers, reader -> admin.messageById(reader.adminUrl(), messageId));
        if (!found.isEmpty()) {
            return found;
        }
        List<MessageView> byUniqueId = new ArrayList<>();
        for (TopicView topic : topics.listOfInstances(List.of(instanceId))) {
            merge(instanceId, brokers, reader -> admin.messagesByKey(reader.adminUrl(),
                    WireNames.wire(instanceId, topic.name()), messageId)).stream()
                    .filter(message -> messageId.equals(message.properties().get(UNIQUE_KEY)))
                    .forEach(byUniqueId::add);
        }
        return byUniqueId;
    }

    private List<MessageView> byKey(String instanceId, String topic, String key) {
        List<NodeView> brokers = readers.of(names.clusterOfTopic(instanceId, topic));
        return merge(instanceId, brokers,
                reader -> admin.messagesByKey(reader.adminUrl(), WireNames.wire(instanceId, topic), key));
    }

    /** The instance's messages the brokers answered, without duplicates, newest first. */
    private static List<MessageView> merge(String instanceId, List<NodeView> brokers,
            Function<NodeView, NodeRead<NodeMessages>> read) {
        Map<String, MessageView> byId = new LinkedHashMap<>();
        for (NodeView broker : brokers) {
            read.apply(broker).answer().ifPresent(answer -> answer.messages().forEach(message ->
                    view(instanceId, message).ifPresent(view -> byId.putIfAbsent(view.messageId(), view))));
        }
        return byId.values().stream().sorted(Comparator.comparing(MessageView::storeTime).reversed()).toList();
    }

    private static Optional<MessageView> view(String instanceId, NodeMessage message) {
        return WireNames.local(instanceId, message.topic()).map(topic -> new MessageView(message.messageId(), topic,
                message.properties().get("TAGS"), message.properties().get("KEYS"), message.properties(),
                message.bodySize(), message.body(), message.storeTime(), message.bornTime(), message.brokerName(),
                message.queueId(), message.queueOffset(), deliveries(instanceId, message)));
    }

    private static List<MessageDeliveryView> deliveries(String instanceId, NodeMessage message) {
        List<MessageDeliveryView> deliveries = new ArrayList<>();
        for (NodeDelivery delivery : message.deliveries()) {
            WireNames.local(instanceId, delivery.group()).ifPresent(group -> deliveries.add(new MessageDeliveryView(group,
                    delivery.committedOffset(), DeliveryState.of(delivery.committedOffset(), message.queueOffset()))));
        }
        return deliveries;
    }
}
