package io.cloudmq.dataplane.namesrv;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudmq.dataplane.remoting.protocol.body.TopicConfig;
import io.netty.channel.Channel;
import io.netty.channel.embedded.EmbeddedChannel;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Epoch fencing in the route table: a master deposed by a failover cannot take its group back. */
class RouteTableFencingTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(120);

    private final RouteTable table = new RouteTable(Clock.systemUTC());
    private final Channel oldMasterChannel = new EmbeddedChannel();
    private final Channel newMasterChannel = new EmbeddedChannel();

    private static BrokerRegistration broker(long id, String addr, long epoch) {
        return new BrokerRegistration("c", "a", addr, id, addr + "1", false, epoch, TIMEOUT,
                Map.of("T", TopicConfig.of("T", 4, 6)));
    }

    private Map<Long, String> addresses() {
        return table.route("T").orElseThrow().brokerDatas().get(0).brokerAddrs();
    }

    @Test
    void aPromotedSlaveReplacesTheMasterAndTakesItsBrokerIdZero() {
        table.register(broker(0, "h:1", 0), oldMasterChannel);
        table.register(broker(1, "h:2", 0), newMasterChannel);

        RegistrationResult promoted = table.register(broker(0, "h:2", 1), newMasterChannel);

        assertThat(promoted.accepted()).isTrue();
        assertThat(addresses()).containsExactly(Map.entry(0L, "h:2"));
    }

    @Test
    void refusesAMasterRegistrationWithAnEpochOlderThanTheGroupsAndNamesTheCurrentMaster() {
        table.register(broker(0, "h:2", 3), newMasterChannel);

        RegistrationResult stale = table.register(broker(0, "h:1", 2), oldMasterChannel);

        assertThat(stale).isEqualTo(new RegistrationResult(false, "h:2", "h:21", 3));
        assertThat(addresses()).containsExactly(Map.entry(0L, "h:2"));
    }

    @Test
    void remembersTheGroupsEpochAfterItsMasterLeft() {
        table.register(broker(0, "h:2", 3), newMasterChannel);
        table.removeBrokersOf(newMasterChannel);

        RegistrationResult stale = table.register(broker(0, "h:1", 0), oldMasterChannel);

        assertThat(stale.accepted()).isFalse();
        assertThat(stale.masterAddr()).isNull();
        assertThat(table.route("T")).isEmpty();
    }

    @Test
    void acceptsTheDeposedMasterAsASlaveAndAMasterOfTheSameEpochAgain() {
        table.register(broker(0, "h:2", 3), newMasterChannel);

        assertThat(table.register(broker(1, "h:1", 2), oldMasterChannel).accepted()).isTrue();
        assertThat(table.register(broker(0, "h:2", 3), newMasterChannel).accepted()).isTrue();
        assertThat(addresses()).containsExactly(Map.entry(0L, "h:2"), Map.entry(1L, "h:1"));
    }
}
