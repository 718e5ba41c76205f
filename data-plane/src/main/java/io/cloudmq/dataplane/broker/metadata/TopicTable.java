package io.cloudmq.dataplane.broker.metadata;

import io.cloudmq.api.node.DesiredGroup;
import io.cloudmq.api.node.DesiredState;
import io.cloudmq.api.node.DesiredTopic;
import io.cloudmq.dataplane.remoting.protocol.Perm;
import io.cloudmq.dataplane.remoting.protocol.body.TopicConfig;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The topics this broker serves. The control plane's desired state is the source of truth: every desired
 * topic with its message type, plus {@code %RETRY%<group>} (type RETRY) and {@code %DLQ%<group>} (one queue
 * each, read-write) for every desired group. The admin codes
 * {@code UPDATE_AND_CREATE_TOPIC} and {@code DELETE_TOPIC_IN_BROKER} change the local table only: an
 * admin-created topic is kept until deleted (or the node restarts), and a deleted desired topic returns
 * with the next desired state.
 *
 * <p>Thread-safe: reads see an immutable snapshot; changes are serialised by the table's monitor.
 */
public final class TopicTable {
    /** Prefix of a group's retry topic. */
    public static final String RETRY_PREFIX = "%RETRY%";
    /** Prefix of a group's dead-letter topic. */
    public static final String DLQ_PREFIX = "%DLQ%";
    /** Largest body of a retry topic (the RocketMQ default). */
    static final int DEFAULT_MAX_MESSAGE_SIZE = 4 * 1024 * 1024;

    private final Map<String, ServedTopic> adminCreated = new HashMap<>();
    private Map<String, ServedTopic> desired = Map.of();
    private volatile Map<String, ServedTopic> served = Map.of();

    public Optional<ServedTopic> find(String topic) {
        return Optional.ofNullable(served.get(topic));
    }

    /** What the name servers should route, read at every registration. */
    public Collection<TopicConfig> registrationTable() {
        return served.values().stream().map(ServedTopic::config).toList();
    }

    /**
     * Serves the topics of {@code state}.
     *
     * @return whether the served table changed (the broker then re-registers at once)
     */
    public synchronized boolean apply(DesiredState state) {
        Map<String, ServedTopic> next = new HashMap<>();
        for (DesiredTopic topic : state.topics()) {
            next.put(topic.name(), new ServedTopic(TopicConfig.of(topic.name(), topic.queues(), topic.perm()),
                    topic.maxMessageSize(), TopicMessageType.of(topic.messageType())));
        }
        for (DesiredGroup group : state.groups()) {
            next.put(RETRY_PREFIX + group.name(), groupTopic(RETRY_PREFIX + group.name(), TopicMessageType.RETRY));
            next.put(DLQ_PREFIX + group.name(), groupTopic(DLQ_PREFIX + group.name(), TopicMessageType.UNSPECIFIED));
        }
        desired = Map.copyOf(next);
        return publish();
    }

    /** Creates or updates a topic locally (admin code 17); returns whether the served table changed. */
    public synchronized boolean createOrUpdate(TopicConfig config) {
        int maxMessageSize = find(config.topicName()).map(ServedTopic::maxMessageSize).orElse(DEFAULT_MAX_MESSAGE_SIZE);
        TopicMessageType type = find(config.topicName()).map(ServedTopic::messageType).orElse(TopicMessageType.UNSPECIFIED);
        adminCreated.put(config.topicName(), new ServedTopic(config, maxMessageSize, type));
        return publish();
    }

    /** Stops serving a topic locally (admin code 215); returns whether it was served. */
    public synchronized boolean delete(String topic) {
        adminCreated.remove(topic);
        if (!served.containsKey(topic)) {
            return false;
        }
        Map<String, ServedTopic> next = new HashMap<>(served);
        next.remove(topic);
        served = Map.copyOf(next);
        return true;
    }

    private static ServedTopic groupTopic(String name, TopicMessageType type) {
        return new ServedTopic(TopicConfig.of(name, 1, Perm.READ | Perm.WRITE), DEFAULT_MAX_MESSAGE_SIZE, type);
    }

        private boolean publish() {
        Map<String, ServedTopic> next = new HashMap<>(desired);
        next.putAll(adminCreated);
        boolean changed = !next.equals(served);
        served = Map.copyOf(next);
        return changed;
    }
}
