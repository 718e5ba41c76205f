package io.cloudmq.dataplane.broker.processor;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudmq.dataplane.broker.client.ClientChannel;
import io.cloudmq.dataplane.broker.client.ClientRegistry;
import io.cloudmq.dataplane.broker.client.ConsumerListWarmUp;
import io.cloudmq.dataplane.broker.client.QueueLockTable;
import io.cloudmq.dataplane.broker.client.RebalanceNotifier;
import io.cloudmq.dataplane.remoting.netty.RequestContext;
import io.cloudmq.dataplane.remoting.protocol.RemotingCommand;
import io.cloudmq.dataplane.remoting.protocol.RequestCode;
import io.cloudmq.dataplane.remoting.protocol.ResponseCode;
import io.cloudmq.dataplane.remoting.protocol.body.ConsumerIdList;
import io.cloudmq.dataplane.remoting.protocol.body.RemotingJson;
import io.cloudmq.dataplane.remoting.protocol.body.SubscriptionData;
import io.cloudmq.dataplane.store.TestClock;
import io.netty.channel.embedded.EmbeddedChannel;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ClientManageProcessorTest {
    private static final Duration WARM_UP = Duration.ofSeconds(32);

    private final TestClock clock = new TestClock(Instant.parse("2026-11-22T13:00:00Z"));
    private final ClientRegistry clients = new ClientRegistry(() -> { });
    private final RequestContext context = new RequestContext(new EmbeddedChannel());

    @Test
    void aRestartedBrokerRefusesTheConsumerListUntilEveryMemberHadTimeToHeartbeat() {
        ClientManageProcessor processor = processor(ConsumerListWarmUp.startingNow(true, Optional.empty(), WARM_UP, clock));
        join("G", "first-to-heartbeat");

        RemotingCommand early = processor.handle(context, consumerList("G"));
        clock.advanceMillis(WARM_UP.toMillis());
        RemotingCommand after = processor.handle(context, consumerList("G"));

        assertThat(early.code()).isEqualTo(ResponseCode.SYSTEM_ERROR);
        assertThat(early.remark()).contains("not complete", "32000 ms more");
        assertThat(after.code()).isEqualTo(ResponseCode.SUCCESS);
        assertThat(RemotingJson.decode(after.body(), ConsumerIdList.class).consumerIdList())
                .containsExactly("first-to-heartbeat");
    }

    @Test
    void aFirstStartAnswersTheMembersAtOnceAndAGroupWithoutMembersIsAnError() {
        ClientManageProcessor processor = processor(ConsumerListWarmUp.startingNow(false, Optional.empty(), WARM_UP, clock));
        join("G", "c1");
        join("G", "c2");

        RemotingCommand members = processor.handle(context, consumerList("G"));
        RemotingCommand empty = processor.handle(context, consumerList("nobody"));

        assertThat(RemotingJson.decode(members.body(), ConsumerIdList.class).consumerIdList())
                .containsExactly("c1", "c2");
        assertThat(empty.code()).isEqualTo(ResponseCode.SYSTEM_ERROR);
        assertThat(empty.remark()).contains("no consumer of group nobody");
    }

    private ClientManageProcessor processor(ConsumerListWarmUp warmUp) {
        return new ClientManageProcessor(clients, new RebalanceNotifier(clients, (channel, request) -> { }),
                new QueueLockTable(clock, QueueLockTable.DEFAULT_EXPIRY), warmUp);
    }

    private void join(String group, String clientId) {
        clients.registerConsumer(group, new ClientChannel(new EmbeddedChannel(), clientId, "JAVA", 513, 0),
                List.of(new SubscriptionData("T", "*", Set.of(), Set.of(), 1, "TAG")));
    }

    private static RemotingCommand consumerList(String group) {
        return RemotingCommand.request(RequestCode.GET_CONSUMER_LIST_BY_GROUP, Map.of("consumerGroup", group));
    }
}
