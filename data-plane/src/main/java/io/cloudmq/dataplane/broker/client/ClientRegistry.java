package io.cloudmq.dataplane.broker.client;

import io.cloudmq.dataplane.remoting.protocol.body.SubscriptionData;
import io.netty.channel.Channel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The producer and consumer groups of the connected clients (spec §4.2, §4.11): who is a member of which
 * group on which channel, and what each consumer group subscribes. Methods that change consumer
 * membership answer the groups whose members or subscriptions changed, so the caller can tell the
 * remaining members to rebalance.
 *
 * <p>Thread-safe: every method is {@code synchronized} (heartbeats are rare and cheap).
 */
public final class ClientRegistry {
    private final Map<String, ConsumerGroupState> consumers = new HashMap<>();
    private final Map<String, Map<Channel, ClientChannel>> producers = new HashMap<>();
    private final Map<String, Set<String>> subscribedTopics = new HashMap<>();

    /** Registers or refreshes a consumer; returns whether the group's members or subscriptions changed. */
    public synchronized boolean registerConsumer(String group, ClientChannel member, List<SubscriptionData> subscriptions) {
        Set<String> topics = subscribedTopics.computeIfAbsent(group, ignored -> new LinkedHashSet<>());
        subscriptions.forEach(subscription -> topics.add(subscription.topic()));
        return consumers.computeIfAbsent(group, ignored -> new ConsumerGroupState()).update(member, subscriptions);
    }

    public synchronized void registerProducer(String group, ClientChannel member) {
        producers.computeIfAbsent(group, ignored -> new HashMap<>()).put(member.channel(), member);
    }

    /** Removes a client from a consumer group; returns whether it was a member. */
    public synchronized boolean unregisterConsumer(String group, String clientId) {
        ConsumerGroupState state = consumers.get(group);
        if (state == null || !state.removeClient(clientId)) {
            return false;
        }
        if (state.isEmpty()) {
            consumers.remove(group);
        }
        return true;
    }

    public synchronized void unregisterProducer(String group, String clientId) {
        Map<Channel, ClientChannel> members = producers.get(group);
        if (members != null) {
            members.values().removeIf(member -> member.clientId().equals(clientId));
            if (members.isEmpty()) {
                producers.remove(group);
            }
        }
    }

    /** Forgets a closed channel everywhere; returns the consumer groups it was a member of. */
    public synchronized Set<String> removeChannel(Channel channel) {
        Set<String> changed = new LinkedHashSet<>();
        consumers.entrySet().removeIf(entry -> {
            if (entry.getValue().remove(channel)) {
                changed.add(entry.getKey());
            }
            return entry.getValue().isEmpty();
        });
        producers.values().forEach(members -> members.remove(channel));
        producers.values().removeIf(Map::isEmpty);
        return changed;
    }

    /** Channels whose last heartbeat is older than {@code timeout} (the caller closes them). */
    public synchronized Set<Channel> silentChannels(long nowMillis, Duration timeout) {
        Set<Channel> silent = new LinkedHashSet<>();
        long limit = nowMillis - timeout.toMillis();
        consumers.values().forEach(state -> state.members().stream()
                .filter(member -> member.lastHeartbeatMillis() < limit).forEach(member -> silent.add(member.channel())));
        producers.values().forEach(members -> members.values().stream()
                .filter(member -> member.lastHeartbeatMillis() < limit).forEach(member -> silent.add(member.channel())));
        return silent;
    }

    /**
     * Every producer and consumer connection whose latest heartbeat arrived at or after {@code sinceMillis},
     * one entry per connection (a connection in several groups carries its latest heartbeat).
     */
    public synchronized List<ClientChannel> connectedSince(long sinceMillis) {
        Map<Channel, ClientChannel> latest = new LinkedHashMap<>();
        Stream.concat(consumers.values().stream().flatMap(state -> state.members().stream()),
                        producers.values().stream().flatMap(members -> members.values().stream()))
                .filter(member -> member.lastHeartbeatMillis() >= sinceMillis)
                .forEach(member -> latest.merge(member.channel(), member,
                        (a, b) -> a.lastHeartbeatMillis() >= b.lastHeartbeatMillis() ? a : b));
        return List.copyOf(latest.values());
    }

    /** The members of a consumer group, in join order. */
    public synchronized List<ClientChannel> consumers(String group) {
        ConsumerGroupState state = consumers.get(group);
        return state == null ? List.of() : state.members();
    }

    /** The connections of a producer group's members (transaction checks go to one of them). */
    public synchronized List<Channel> producerChannels(String group) {
        return List.copyOf(producers.getOrDefault(group, Map.of()).keySet());
    }

    /** The client ids of a consumer group, without duplicates. */
    public List<String> consumerIds(String group) {
        List<String> ids = new ArrayList<>();
        for (ClientChannel member : consumers(group)) {
            if (!ids.contains(member.clientId())) {
                ids.add(member.clientId());
            }
        }
        return ids;
    }

    /**
     * Every topic a consumer of {@code group} subscribed to since this broker started, also after its consumers
     * left (so lag can be measured on queues the group never committed an offset for here).
     */
    public synchronized Set<String> subscribedTopics(String group) {
        return Set.copyOf(subscribedTopics.getOrDefault(group, Set.of()));
    }

    /** The subscription of a consumer group to a topic, from the latest heartbeat. */
    public synchronized Optional<SubscriptionData> subscription(String group, String topic) {
        ConsumerGroupState state = consumers.get(group);
        return state == null ? Optional.empty() : state.subscription(topic);
    }
}
