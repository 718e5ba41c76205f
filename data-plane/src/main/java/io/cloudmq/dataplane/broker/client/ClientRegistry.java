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
 * <p>Thread-safe: the tables are guarded by {@code this} (heartbeats are rare and cheap); the membership listener
 * runs after a consumer joined, changed its subscriptions or left explicitly ({@code UNREGISTER_CLIENT}), on the
 * changing thread, outside the lock. A closed channel does not tell it: this broker closes every channel when it
 * stops or drains, and those members come back.
 */
public final class ClientRegistry {
    private final Runnable membershipChanged;
    private final Map<String, ConsumerGroupState> consumers = new HashMap<>();
    private final Map<String, Map<Channel, ClientChannel>> producers = new HashMap<>();
    private final Map<String, Set<String>> subscribedTopics = new HashMap<>();

    /** @param membershipChanged told after a consumer joined, changed its subscriptions or unregistered */
    public ClientRegistry(Runnable membershipChanged) {
        this.membershipChanged = membershipChanged;
    }

    /** Registers or refreshes a consumer; returns whether the group's members or subscriptions changed. */
    public boolean registerConsumer(String group, ClientChannel member, List<SubscriptionData> subscriptions) {
        boolean changed;
        synchronized (this) {
            Set<String> topics = subscribedTopics.computeIfAbsent(group, ignored -> new LinkedHashSet<>());
            subscriptions.forEach(subscription -> topics.add(subscription.topic()));
            changed = consumers.computeIfAbsent(group, ignored -> new ConsumerGroupState()).update(member, subscriptions);
        }
        return told(changed);
    }

    public synchronized void registerProducer(String group, ClientChannel member) {
        producers.computeIfAbsent(group, ignored -> new HashMap<>()).put(member.channel(), member);
    }

    /** Removes a client from a consumer group; returns whether it was a member. */
    public boolean unregisterConsumer(String group, String clientId) {
        boolean removed;
        synchronized (this) {
            ConsumerGroupState state = consumers.get(group);
            removed = state != null && state.removeClient(clientId);
            if (removed && state.isEmpty()) {
                consumers.remove(group);
            }
        }
        return told(removed);
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
    public Set<String> removeChannel(Channel channel) {
        Set<String> changed = new LinkedHashSet<>();
        synchronized (this) {
            consumers.entrySet().removeIf(entry -> {
                if (entry.getValue().remove(channel)) {
                    changed.add(entry.getKey());
                }
                return entry.getValue().isEmpty();
            });
            producers.values().forEach(members -> members.remove(channel));
            producers.values().removeIf(Map::isEmpty);
        }
        return changed;
    }

    private boolean told(boolean changed) {
        if (changed) {
            membershipChanged.run();
        }
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

    /** The consumer groups with a member here. */
    public synchronized Set<String> consumerGroups() {
        return Set.copyOf(consumers.keySet());
    }

    /** Every consumer group with a member here → its members' client ids. */
    public synchronized Map<String, Set<String>> consumerIdsByGroup() {
        Map<String, Set<String>> ids = new HashMap<>();
        for (String group : consumers.keySet()) {
            ids.put(group, Set.copyOf(consumerIds(group)));
        }
        return ids;
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
