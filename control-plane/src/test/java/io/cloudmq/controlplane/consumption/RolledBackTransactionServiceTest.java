package io.cloudmq.controlplane.consumption;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;

import io.cloudmq.api.common.PageView;
import io.cloudmq.api.instance.InstanceView;
import io.cloudmq.api.message.RolledBackTransactionView;
import io.cloudmq.api.node.NodeRole;
import io.cloudmq.api.node.NodeRolledBackHalf;
import io.cloudmq.api.node.NodeRolledBackHalves;
import io.cloudmq.api.node.NodeRolledBackQuery;
import io.cloudmq.api.node.NodeState;
import io.cloudmq.api.node.NodeView;
import io.cloudmq.controlplane.instance.InstanceService;
import io.cloudmq.controlplane.node.MasterBrokers;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RolledBackTransactionServiceTest {
    private static final String INSTANCE = "MQ_INST_1";
    private static final NodeView MASTER_A = master("a");
    private static final NodeView MASTER_B = master("b");

    private final InstanceService instances = mock(InstanceService.class);
    private final MasterBrokers masters = mock(MasterBrokers.class);
    private final RolledBackTransactionService service = new RolledBackTransactionService(instances, masters);

    private static NodeView master(String group) {
        return new NodeView("broker-" + group + "-0", NodeRole.BROKER, "broker-" + group, 0, NodeState.UP, "1", 1L,
                null, null, "http://" + group, "127.0.0.1:1");
    }

    private static NodeRolledBackHalf half(String id, long rolledBackAt, long queueOffset) {
        return new NodeRolledBackHalf("OFF-" + id, INSTANCE + "%orders", id, "tx-producers", "k-" + id, "tagA", 1_000,
                rolledBackAt, queueOffset);
    }

    @BeforeEach
    void twoMasters() {
        InstanceView instance = mock(InstanceView.class);
        given(instance.cluster()).willReturn("local");
        given(instances.get(INSTANCE)).willReturn(instance);
        given(masters.of("local")).willReturn(List.of(MASTER_A, MASTER_B));
        given(masters.post(eq(MASTER_A), eq(RolledBackTransactionService.LIST_PATH), any(), eq(NodeRolledBackHalves.class)))
                .willReturn(Optional.of(new NodeRolledBackHalves("broker-a", List.of(half("A1", 3_000, 0),
                        half("A2", 5_000, 1)))));
        given(masters.post(eq(MASTER_B), eq(RolledBackTransactionService.LIST_PATH), any(), eq(NodeRolledBackHalves.class)))
                .willReturn(Optional.of(new NodeRolledBackHalves("broker-b", List.of(half("B1", 4_000, 0)))));
    }

    @Test
    void pagesTheHalvesOfEveryMasterOldestRollbackFirstWithLocalTopicNames() {
        PageView<RolledBackTransactionView> first = service.list(INSTANCE, 0, 2);
        PageView<RolledBackTransactionView> second = service.list(INSTANCE, 1, 2);

        assertThat(first.items()).extracting(RolledBackTransactionView::transactionMessageId).containsExactly("A1", "B1");
        assertThat(first.nextPageToken()).isEqualTo("1");
        assertThat(second.items()).extracting(RolledBackTransactionView::transactionMessageId).containsExactly("A2");
        assertThat(second.nextPageToken()).isNull();
        RolledBackTransactionView oldest = first.items().get(0);
        assertThat(oldest.topic()).isEqualTo("orders");
        assertThat(oldest.brokerName()).isEqualTo("broker-a");
        assertThat(oldest.rolledBackTime()).isEqualTo(Instant.ofEpochMilli(3_000));
        assertThat(oldest.producerGroup()).isEqualTo("tx-producers");
    }

    @Test
    void asksEachMasterForTheInstancesNamespaceUpToThePagesEndPlusOne() {
        service.list(INSTANCE, 1, 2);

        verify(masters).post(MASTER_A, RolledBackTransactionService.LIST_PATH, new NodeRolledBackQuery(INSTANCE + "%", 5),
                NodeRolledBackHalves.class);
    }
}
