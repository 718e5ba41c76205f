package io.cloudmq.dataplane.namesrv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.cloudmq.dataplane.remoting.protocol.body.BrokerData;
import io.cloudmq.dataplane.remoting.protocol.body.QueueData;
import io.cloudmq.dataplane.remoting.protocol.body.TopicConfig;
import io.cloudmq.dataplane.remoting.protocol.body.TopicRouteData;
import io.netty.channel.Channel;
import io.netty.channel.embedded.EmbeddedChannel;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RouteTableTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(120);

    private final MutableClock clock = new MutableClock();
    private final RouteTable table = new RouteTable(clock);
    private final Channel masterChannel = new EmbeddedChannel();
    private final Channel slaveChannel = new EmbeddedChannel();

    private static BrokerRegistration broker(String name, long id, String addr, TopicConfig... topics) {
        Map<String, TopicConfig> table = new HashMap<>();
        for (TopicConfig topic : topics) {
            table.put(topic.topicName(), topic);
        }
        return new BrokerRegistration("c", name, addr, id, addr + "1", false, 0, TIMEOUT, table);
    }

    @Test
    void knowsNoRouteForATopicNoBrokerRegistered() {
        table.register(broker("a", 0, "h:1", TopicConfig.of("T", 4, 6)), masterChannel);

        assertThat(table.route("other")).isEmpty();
    }

    @Test
    void buildsTheRouteFromTheMastersTopicsAndTheGroupsAddresses() {
        table.register(broker("a", 0, "h:1", TopicConfig.of("T", 4, 6)), masterChannel);
        table.register(broker("a", 1, "h:2", TopicConfig.of("T", 4, 6)), slaveChannel);

        TopicRouteData route = table.route("T").orElseThrow();

        assertThat(route.queueDatas()).containsExactly(new QueueData("a", 4, 4, 6, 0));
        assertThat(route.brokerDatas()).containsExactly(new BrokerData("c", "a", Map.of(0L, "h:1", 1L, "h:2"), false));
    }

    @Test
    void keepsTheGroupsQueuesWhileItsSlaveIsRegistered() {
        table.register(broker("a", 0, "h:1", TopicConfig.of("T", 4, 6)), masterChannel);
        table.register(broker("a", 1, "h:2", TopicConfig.of("T", 4, 6)), slaveChannel);

        assertThat(table.unregister("a", "h:1", 0)).isTrue();

        TopicRouteData route = table.route("T").orElseThrow();
        assertThat(route.queueDatas()).containsExactly(new QueueData("a", 4, 4, 6, 0));
        assertThat(route.brokerDatas().get(0).brokerAddrs()).containsExactly(Map.entry(1L, "h:2"));
    }

    @Test
    void dropsTheGroupFromEveryRouteWithItsLastBroker() {
        table.register(broker("a", 0, "h:1", TopicConfig.of("T", 4, 6)), masterChannel);
        table.register(broker("b", 0, "h:3", TopicConfig.of("T", 4, 6)), slaveChannel);

        table.unregister("a", "h:1", 0);

        assertThat(table.route("T").orElseThrow().queueDatas()).extracting(QueueData::brokerName).containsExactly("b");
        assertThat(table.clusterInfo().brokerAddrTable()).containsOnlyKeys("b");
    }

    @Test
    void ignoresTheSlavesTopicsWhileTheMasterIsRegistered() {
        table.register(broker("a", 0, "h:1", TopicConfig.of("T", 4, 6)), masterChannel);

        table.register(broker("a", 1, "h:2", TopicConfig.of("T", 4, 6), TopicConfig.of("S", 1, 6)), slaveChannel);

        assertThat(table.route("S")).isEmpty();
    }

    @Test
    void forgetsTopicsTheMasterNoLongerRegisters() {
        table.register(broker("a", 0, "h:1", TopicConfig.of("T", 4, 6), TopicConfig.of("S", 1, 6)), masterChannel);

        table.register(broker("a", 0, "h:1", TopicConfig.of("T", 8, 4)), masterChannel);

        assertThat(table.route("S")).isEmpty();
        assertThat(table.route("T").orElseThrow().queueDatas()).containsExactly(new QueueData("a", 8, 8, 4, 0));
    }

    @Test
    void deletesATopicOnlyFromTheGroupsOfTheGivenCluster() {
        table.register(broker("a", 0, "h:1", TopicConfig.of("T", 4, 6)), masterChannel);
        table.register(new BrokerRegistration("other", "b", "h:3", 0, null, false, 0, TIMEOUT,
                Map.of("T", TopicConfig.of("T", 4, 6))), slaveChannel);

        table.deleteTopic("T", "c");
        assertThat(table.route("T").orElseThrow().queueDatas()).extracting(QueueData::brokerName).containsExactly("b");

        table.deleteTopic("T", null);
        assertThat(table.topics()).isEmpty();
    }

    @Test
    void tellsASlaveItsMastersAddresses() {
        table.register(broker("a", 0, "h:1"), masterChannel);

        RegistrationResult result = table.register(broker("a", 1, "h:2"), slaveChannel);

        assertThat(result).isEqualTo(new RegistrationResult(true, "h:1", "h:11", 0));
    }

    @Test
    void listsEveryRegisteredBrokerByAddressUntilItUnregisters() {
        table.register(broker("b", 0, "h:3", TopicConfig.of("T", 4, 6)), slaveChannel);
        table.register(broker("a", 1, "h:2"), slaveChannel);
        table.register(broker("a", 0, "h:1", TopicConfig.of("T", 4, 6)), masterChannel);

        table.unregister("b", "h:3", 0);

        assertThat(table.registeredBrokers()).extracting(BrokerRegistration::brokerAddr, BrokerRegistration::brokerId)
                .containsExactly(tuple("h:1", 0L), tuple("h:2", 1L));
    }

    @Test
    void removesTheBrokersOfAClosedConnection() {
        table.register(broker("a", 0, "h:1", TopicConfig.of("T", 4, 6)), masterChannel);
        table.register(broker("b", 0, "h:3", TopicConfig.of("T", 4, 6)), slaveChannel);

        table.removeBrokersOf(masterChannel);

        assertThat(table.clusterInfo().brokerAddrTable()).containsOnlyKeys("b");
    }

    @Test
    void expiresABrokerSilentForLongerThanItsTimeout() {
        table.register(broker("a", 0, "h:1", TopicConfig.of("T", 4, 6)), masterChannel);
        clock.advance(TIMEOUT);
        table.register(broker("b", 0, "h:3", TopicConfig.of("T", 4, 6)), slaveChannel);
        assertThat(table.expireSilentBrokers()).isEmpty();

        clock.advance(Duration.ofMillis(1));

        assertThat(table.expireSilentBrokers()).containsExactly(masterChannel);
        assertThat(table.clusterInfo().clusterAddrTable()).containsExactly(Map.entry("c", Set.of("b")));
    }
}
