package io.cloudmq.controlplane.insight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

import io.cloudmq.api.consumergroup.ConsumerClientView;
import io.cloudmq.api.consumergroup.ConsumerLagView;
import io.cloudmq.api.consumergroup.QueueLagView;
import io.cloudmq.api.node.NodeRole;
import io.cloudmq.api.node.NodeState;
import io.cloudmq.api.node.NodeView;
import io.cloudmq.api.node.read.NodeClient;
import io.cloudmq.api.node.read.NodeGroupClients;
import io.cloudmq.api.node.read.NodeGroupOffsets;
import io.cloudmq.api.node.read.NodeQueueOffset;
import io.cloudmq.controlplane.node.NodeAdminClient;
import io.cloudmq.controlplane.node.NodeRead;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ConsumerInsightServiceTest {
    private static final String INSTANCE = "MQ_INST_1";
    private static final String GROUP = INSTANCE + "%billing";
    private static final String TOPIC = INSTANCE + "%orders";
    private static final NodeView BROKER_A = broker("a");
    private static final NodeView BROKER_B = broker("b");

    private final InstanceNames names = mock(InstanceNames.class);
    private final BrokerReaders readers = mock(BrokerReaders.class);
    private final NodeAdminClient admin = mock(NodeAdminClient.class);
    private final ConsumerInsightService service = new ConsumerInsightService(names, readers, admin);

    private static NodeView broker(String group) {
        return new NodeView("broker-" + group + "-0", NodeRole.BROKER, "broker-" + group, 0, NodeState.UP, "1", 1L,
                null, null, "http://" + group, "127.0.0.1:1");
    }

    @BeforeEach
    void twoBrokerGroups() {
        given(names.clusterOfGroup(INSTANCE, "billing")).willReturn("local");
        given(readers.of("local")).willReturn(List.of(BROKER_A, BROKER_B));
    }

    @Test
    void aBrokerWithoutOffsetsOfTheGroupIsAskedForTheTopicsOthersHave() {
        given(admin.groupOffsets("http://a", GROUP, Set.of())).willReturn(NodeRead.found(new NodeGroupOffsets(GROUP,
                "broker-a", List.of(new NodeQueueOffset(TOPIC, 0, 0, 40, 30),
                        new NodeQueueOffset("%RETRY%" + GROUP, 0, 0, 0, -1)), 0, 0)));
        given(admin.groupOffsets("http://b", GROUP, Set.of())).willReturn(
                NodeRead.found(new NodeGroupOffsets(GROUP, "broker-b", List.of(), 0, 0)));
        given(admin.groupOffsets("http://b", GROUP, Set.of(TOPIC, "%RETRY%" + GROUP))).willReturn(NodeRead.found(
                new NodeGroupOffsets(GROUP, "broker-b", List.of(new NodeQueueOffset(TOPIC, 0, 2, 5, -1)), 0, 0)));

        ConsumerLagView lag = service.lag(INSTANCE, "billing");

        assertThat(lag.totalLag()).isEqualTo(13);
        assertThat(lag.queues()).containsExactly(
                new QueueLagView("%RETRY%billing", "broker-a", 0, 0, -1, 0),
                new QueueLagView("orders", "broker-a", 0, 40, 30, 10),
                new QueueLagView("orders", "broker-b", 0, 5, -1, 3));
    }

    @Test
    void theRetryBacklogIsTheRetryTopicsLagPlusTheParkedRetriesAndDeadLettersAreSummedOverBrokerGroups() {
        given(admin.groupOffsets("http://a", GROUP, Set.of())).willReturn(NodeRead.found(new NodeGroupOffsets(GROUP,
                "broker-a", List.of(new NodeQueueOffset(TOPIC, 0, 0, 40, 30),
                        new NodeQueueOffset("%RETRY%" + GROUP, 0, 0, 7, 5)), 3, 2)));
        given(admin.groupOffsets("http://b", GROUP, Set.of())).willReturn(NodeRead.found(new NodeGroupOffsets(GROUP,
                "broker-b", List.of(new NodeQueueOffset(TOPIC, 0, 0, 4, 4),
                        new NodeQueueOffset("%RETRY%" + GROUP, 0, 1, 1, -1)), 4, 1)));

        ConsumerLagView lag = service.lag(INSTANCE, "billing");

        assertThat(lag.totalLag()).isEqualTo(12);
        assertThat(lag.retryBacklog()).as("retry lag 2 + parked 3 + 4").isEqualTo(9);
        assertThat(lag.deadLetters()).isEqualTo(3);
    }

    @Test
    void clientsAreListedOncePerClientIdWithTheFirstBrokerAndTheVersionName() {
        Instant heartbeat = Instant.parse("2026-01-01T00:00:00Z");
        NodeClient consumer = new NodeClient("10.0.0.1@1", "10.0.0.1:5000", "JAVA", 513, heartbeat);
        given(admin.groupClients("http://a", GROUP)).willReturn(
                NodeRead.found(new NodeGroupClients(GROUP, "broker-a", List.of(consumer))));
        given(admin.groupClients("http://b", GROUP)).willReturn(NodeRead.found(new NodeGroupClients(GROUP, "broker-b",
                List.of(consumer, new NodeClient("10.0.0.2@1", "10.0.0.2:5000", "CPP", 401, heartbeat)))));

        assertThat(service.clients(INSTANCE, "billing").clients()).containsExactly(
                new ConsumerClientView("10.0.0.1@1", "10.0.0.1:5000", "JAVA", 513, "V5_5_0", "broker-a", heartbeat),
                new ConsumerClientView("10.0.0.2@1", "10.0.0.2:5000", "CPP", 401, "V4_9_4", "broker-b", heartbeat));
    }
}
