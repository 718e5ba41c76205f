package io.cloudmq.dataplane.broker.client;

import io.cloudmq.dataplane.remoting.protocol.body.SubscriptionData;
import io.netty.channel.Channel;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The connected members of one consumer group and the group's subscriptions (the latest heartbeat's).
 * Not thread-safe: {@link ClientRegistry} guards it.
 */
final class ConsumerGroupState {
    private final Map<Channel, ClientChannel> members = new LinkedHashMap<>();
    private Map<String, SubscriptionData> subscriptions = Map.of();

    /** Adds or refreshes a member and replaces the subscriptions; returns whether members or topics changed. */
    boolean update(ClientChannel member, List<SubscriptionData> newSubscriptions) {
        boolean newMember = members.put(member.channel(), member) == null;
        Map<String, SubscriptionData> next = newSubscriptions.stream()
                .collect(Collectors.toMap(SubscriptionData::topic, Function.identity(), (first, second) -> second,
                        HashMap::new));
        boolean topicsChanged = !next.keySet().equals(subscriptions.keySet());
        subscriptions = Map.copyOf(next);
        return newMember || topicsChanged;
    }

    /** Removes a member by channel; returns whether it was one. */
    boolean remove(Channel channel) {
        return members.remove(channel) != null;
    }

    /** Removes the members with {@code clientId}; returns whether there was one. */
    boolean removeClient(String clientId) {
        return members.values().removeIf(member -> member.clientId().equals(clientId));
    }

    boolean isEmpty() {
        return members.isEmpty();
    }

    List<ClientChannel> members() {
        return List.copyOf(members.values());
    }

    Optional<SubscriptionData> subscription(String topic) {
        return Optional.ofNullable(subscriptions.get(topic));
    }
}
