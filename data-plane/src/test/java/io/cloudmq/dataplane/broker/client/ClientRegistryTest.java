package io.cloudmq.dataplane.broker.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudmq.dataplane.remoting.protocol.body.SubscriptionData;
import io.netty.channel.Channel;
import io.netty.channel.embedded.EmbeddedChannel;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ClientRegistryTest {
    private final ClientRegistry registry = new ClientRegistry(() -> { });
    private final Channel first = new EmbeddedChannel();
    private final Channel second = new EmbeddedChannel();

    private static ClientChannel member(Channel channel, String clientId, long heartbeatAt) {
        return new ClientChannel(channel, clientId, "JAVA", 513, heartbeatAt);
    }

    private static SubscriptionData subscription(String topic) {
        return new SubscriptionData(topic, "*", Set.of(), Set.of(), 1, "TAG");
    }

    @Test
    void aNewMemberOrANewTopicIsAChangeButARepeatedHeartbeatIsNot() {
        assertThat(registry.registerConsumer("G", member(first, "c1", 0), List.of(subscription("T")))).isTrue();
        assertThat(registry.registerConsumer("G", member(first, "c1", 1), List.of(subscription("T")))).isFalse();
        assertThat(registry.registerConsumer("G", member(second, "c2", 1), List.of(subscription("T")))).isTrue();
        assertThat(registry.registerConsumer("G", member(second, "c2", 2), List.of(subscription("T"), subscription("U"))))
                .isTrue();

        assertThat(registry.consumerIds("G")).containsExactly("c1", "c2");
        assertThat(registry.subscription("G", "U")).isPresent();
    }

    @Test
    void aClosedChannelLeavesEveryGroupItWasIn() {
        registry.registerConsumer("G", member(first, "c1", 0), List.of(subscription("T")));
        registry.registerConsumer("H", member(first, "c1", 0), List.of(subscription("T")));
        registry.registerConsumer("H", member(second, "c2", 0), List.of(subscription("T")));
        registry.registerProducer("P", member(first, "c1", 0));

        assertThat(registry.removeChannel(first)).containsExactlyInAnyOrder("G", "H");
        assertThat(registry.consumerIds("G")).isEmpty();
        assertThat(registry.consumerIds("H")).containsExactly("c2");
        assertThat(registry.silentChannels(Long.MAX_VALUE, Duration.ZERO)).containsExactly(second);
    }

    @Test
    void unregisterRemovesOnlyThatClient() {
        registry.registerConsumer("G", member(first, "c1", 0), List.of(subscription("T")));
        registry.registerConsumer("G", member(second, "c2", 0), List.of(subscription("T")));

        assertThat(registry.unregisterConsumer("G", "c1")).isTrue();
        assertThat(registry.unregisterConsumer("G", "c1")).isFalse();
        assertThat(registry.consumerIds("G")).containsExactly("c2");
    }

    @Test
    void theListenerHearsOfJoinsAndExplicitLeavesButNotOfARepeatedHeartbeatAProducerOrAClosedChannel() {
        AtomicInteger told = new AtomicInteger();
        ClientRegistry listened = new ClientRegistry(told::incrementAndGet);

        listened.registerConsumer("G", member(first, "c1", 0), List.of(subscription("T")));
        listened.registerConsumer("G", member(first, "c1", 1), List.of(subscription("T")));
        listened.registerProducer("P", member(second, "c2", 0));
        listened.registerConsumer("G", member(second, "c2", 1), List.of(subscription("T")));
        listened.unregisterConsumer("G", "c2");
        listened.unregisterConsumer("G", "c2");
        listened.removeChannel(second);
        listened.removeChannel(first);

        assertThat(told).as("c1 joins, c2 joins, c2 leaves").hasValue(3);
        assertThat(listened.consumerIdsByGroup()).isEmpty();
    }

    @Test
    void channelsSilentForLongerThanTheTimeoutAreReported() {
        registry.registerConsumer("G", member(first, "c1", 1_000), List.of(subscription("T")));
        registry.registerProducer("P", member(second, "c2", 100_000));

        assertThat(registry.silentChannels(130_000, Duration.ofSeconds(120))).containsExactly(first);
    }

    @Test
    void connectedSinceListsEachRecentConnectionOnceWithItsLatestHeartbeat() {
        registry.registerConsumer("G", member(first, "c1", 10), List.of(subscription("T")));
        registry.registerProducer("P", member(first, "c1", 20));
        registry.registerProducer("P", member(second, "c2", 5));

        assertThat(registry.connectedSince(10)).singleElement()
                .satisfies(client -> assertThat(client.lastHeartbeatMillis()).isEqualTo(20));
        assertThat(registry.connectedSince(0)).extracting(ClientChannel::clientId).containsExactlyInAnyOrder("c1", "c2");
    }
}
