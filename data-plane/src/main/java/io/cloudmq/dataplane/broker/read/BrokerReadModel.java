package io.cloudmq.dataplane.broker.read;

import io.cloudmq.api.node.read.NodeClient;
import io.cloudmq.api.node.read.NodeGroupClients;
import io.cloudmq.api.node.read.NodeGroupOffsets;
import io.cloudmq.api.node.read.NodeMessage;
import io.cloudmq.api.node.read.NodeQueueOffset;
import io.cloudmq.api.node.read.NodeQueueStats;
import io.cloudmq.api.node.read.NodeTopicStats;
import io.cloudmq.api.node.read.NodeUpgradeReadiness;
import io.cloudmq.dataplane.broker.client.ClientChannel;
import io.cloudmq.dataplane.broker.client.ClientRegistry;
import io.cloudmq.dataplane.broker.metadata.GroupTable;
import io.cloudmq.dataplane.broker.metadata.ServedTopic;
import io.cloudmq.dataplane.broker.metadata.TopicTable;
import io.cloudmq.dataplane.broker.offset.ConsumerOffsetStore;
import io.cloudmq.dataplane.store.GetResult;
import io.cloudmq.dataplane.store.GetStatus;
import io.cloudmq.dataplane.store.MessageStore;
import io.cloudmq.dataplane.store.StoredMessage;
import io.cloudmq.dataplane.store.TagFilter;
import io.cloudmq.dataplane.store.commitlog.OffsetMessageId;
import java.net.SocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.DoubleSupplier;
import java.util.function.ToLongFunction;
import java.util.stream.IntStream;
import org.jspecify.annotations.Nullable;

/**
 * Answers the broker's admin read endpoints from its live tables, offsets, clients and store. Names are wire
 * names. An unknown topic or group is an empty answer (the endpoint says 404). Thread-safe: every part it
 * reads is.
 */
public final class BrokerReadModel {
    /** Most messages one key query answers. */
    static final int MAX_KEY_RESULTS = 32;
    /** The official client's default heartbeat interval ({@code heartbeatBrokerInterval}). */
    static final Duration CLIENT_HEARTBEAT_INTERVAL = Duration.ofSeconds(30);

    private final String brokerName;
    private final TopicTable topics;
    private final GroupTable groups;
    private final ClientRegistry clients;
    private final ConsumerOffsetStore offsets;
    private final MessageStore store;
    private final MessageDecoder decoder;
    private final ToLongFunction<String> parkedRetries;
    private final DoubleSupplier diskUsedRatio;
    private final Clock clock;

    /**
     * @param parkedRetries messages parked for a later retry, by retry topic ({@link ParkedRetries#of})
     * @param diskUsedRatio the used fraction of the disk holding the store, read when an answer needs it
     */
    public BrokerReadModel(String brokerName, TopicTable topics, GroupTable groups, ClientRegistry clients,
            ConsumerOffsetStore offsets, MessageStore store, ToLongFunction<String> parkedRetries,
            DoubleSupplier diskUsedRatio, Clock clock) {
        this.brokerName = brokerName;
        this.topics = topics;
        this.groups = groups;
        this.clients = clients;
        this.offsets = offsets;
        this.store = store;
        this.decoder = new MessageDecoder(brokerName);
        this.parkedRetries = parkedRetries;
        this.diskUsedRatio = diskUsedRatio;
        this.clock = clock;
    }

    /** Offsets and last store time of every read queue of {@code topic}, if this broker serves it. */
    public Optional<NodeTopicStats> topicStats(String topic) {
        return topics.find(topic).map(served -> new NodeTopicStats(topic, brokerName, queueIds(served)
                .mapToObj(queueId -> queueStats(topic, queueId)).toList()));
    }

    /** The consumers of {@code group} connected to this broker, if the group exists. */
    public Optional<NodeGroupClients> groupClients(String group) {
        if (!groups.exists(group)) {
            return Optional.empty();
        }
        List<NodeClient> connected = clients.consumers(group).stream().map(BrokerReadModel::client).toList();
        return Optional.of(new NodeGroupClients(group, brokerName, connected));
    }

    /**
     * What the upgrade pre-check needs from this broker: disk usage, every served topic's write-queue count,
     * and the clients heard from within the last two client heartbeat intervals.
     */
    public NodeUpgradeReadiness upgradeReadiness() {
        Map<String, Integer> writeQueues = new TreeMap<>();
        topics.registrationTable().forEach(config -> writeQueues.put(config.topicName(), config.writeQueueNums()));
        long since = clock.millis() - 2 * CLIENT_HEARTBEAT_INTERVAL.toMillis();
        List<NodeClient> connected = clients.connectedSince(since).stream().map(BrokerReadModel::client).toList();
        return new NodeUpgradeReadiness(brokerName, diskUsedRatio.getAsDouble(), writeQueues, connected);
    }

    /**
     * Every read queue of every served topic that {@code group} committed offsets for on this broker, that its
     * consumers subscribed to since the broker started, or that {@code extraTopics} names (another broker has
     * offsets of the group for it), by topic then queue id, if the group exists. A queue without a committed
     * offset shows -1. The answer also counts the group's {@linkplain #parkedRetries parked retries} and
     * {@linkplain #deadLetters dead letters}.
     */
    public Optional<NodeGroupOffsets> groupOffsets(String group, Set<String> extraTopics) {
        if (!groups.exists(group)) {
            return Optional.empty();
        }
        Map<String, Map<Integer, Long>> committed = offsets.ofGroup(group);
        Set<String> topicNames = new TreeSet<>(committed.keySet());
        topicNames.addAll(clients.subscribedTopics(group));
        topicNames.addAll(extraTopics);
        List<NodeQueueOffset> queues = new ArrayList<>();
        for (String topic : topicNames) {
            queues.addAll(queueOffsets(topic, committed.getOrDefault(topic, Map.of())));
        }
        return Optional.of(new NodeGroupOffsets(group, brokerName, queues, parkedRetries(group), deadLetters(group)));
    }

    /**
     * The group's retry backlog on this broker: the messages of its retry topic it has still to consume plus
     * those {@linkplain #parkedRetries parked} for a later retry (0 for an unknown group).
     */
    public long retryBacklog(String group) {
        String retryTopic = TopicTable.RETRY_PREFIX + group;
        return queueOffsets(retryTopic, offsets.ofGroup(group).getOrDefault(retryTopic, Map.of())).stream()
                .mapToLong(NodeQueueOffset::lag).sum() + parkedRetries(group);
    }

    /** Failed messages of {@code group} waiting in the schedule topic to enter its retry topic. */
    public long parkedRetries(String group) {
        return parkedRetries.applyAsLong(TopicTable.RETRY_PREFIX + group);
    }

    /** Messages stored in the group's dead-letter topic on this broker. */
    public long deadLetters(String group) {
        String topic = TopicTable.DLQ_PREFIX + group;
        return queueOffsets(topic, Map.of()).stream()
                .mapToLong(queue -> queue.brokerOffset() - queue.minOffset()).sum();
    }

    /** Every read queue of {@code topic} if served here, with the committed offsets of {@code committed} (else -1). */
    private List<NodeQueueOffset> queueOffsets(String topic, Map<Integer, Long> committed) {
        return topics.find(topic).map(served -> queueIds(served).mapToObj(queueId -> new NodeQueueOffset(topic,
                queueId, store.minOffset(topic, queueId), store.maxOffset(topic, queueId),
                committed.getOrDefault(queueId, -1L))).toList()).orElse(List.of());
    }

    /** Σ lag of {@link #groupOffsets} without extra topics (0 for an unknown group). */
    public long groupLag(String group) {
        return groupOffsets(group, Set.of()).map(found -> found.queues().stream().mapToLong(NodeQueueOffset::lag).sum())
                .orElse(0L);
    }

    /**
     * The message an offset message id names, if this broker stores it (the id's store address must be the
     * record's own, so a physical offset of another broker never matches).
     *
     * @throws IllegalArgumentException if {@code messageId} is not an offset message id
     */
    public Optional<NodeMessage> messageById(String messageId) {
        long physicalOffset = OffsetMessageId.physicalOffsetOf(messageId);
        return store.getByPhysicalOffset(physicalOffset)
                .map(this::decode)
                .filter(message -> message.messageId().equalsIgnoreCase(messageId));
    }

    /**
     * The messages of {@code topic} with {@code key} among their keys or as their unique id, newest first, if
     * this broker serves the topic.
     */
    public Optional<List<NodeMessage>> messagesByKey(String topic, String key) {
        if (topics.find(topic).isEmpty()) {
            return Optional.empty();
        }
        List<StoredMessage> found = new ArrayList<>(store.queryByKey(topic, key, MAX_KEY_RESULTS));
        store.queryByUniqueId(topic, key).stream()
                .filter(byId -> found.stream().noneMatch(other -> other.physicalOffset() == byId.physicalOffset()))
                .forEach(found::add);
        return Optional.of(found.stream()
                .sorted(Comparator.comparingLong(StoredMessage::storeTimestamp).reversed())
                .limit(MAX_KEY_RESULTS)
                .map(this::decode)
                .toList());
    }

    private NodeMessage decode(StoredMessage stored) {
        return decoder.decode(stored, (topic, queueId) -> offsets.onQueue(topic, queueId));
    }

    private static IntStream queueIds(ServedTopic served) {
        return IntStream.range(0, served.config().readQueueNums());
    }

    private NodeQueueStats queueStats(String topic, int queueId) {
        long min = store.minOffset(topic, queueId);
        long max = store.maxOffset(topic, queueId);
        return new NodeQueueStats(queueId, min, max, max > min ? lastStoreTime(topic, queueId, max) : null);
    }

    private @Nullable Instant lastStoreTime(String topic, int queueId, long maxOffset) {
        GetResult last = store.getMessages(topic, queueId, maxOffset - 1, 1, Integer.MAX_VALUE, TagFilter.ALL);
        return last.status() == GetStatus.FOUND && !last.messages().isEmpty()
                ? Instant.ofEpochMilli(last.messages().get(0).storeTimestamp())
                : null;
    }

    private static NodeClient client(ClientChannel member) {
        SocketAddress remote = member.channel().remoteAddress();
        String address = remote == null ? "" : remote.toString().replaceFirst("^[^/]*/", "");
        return new NodeClient(member.clientId(), address, member.language(), member.version(),
                Instant.ofEpochMilli(member.lastHeartbeatMillis()));
    }
}
