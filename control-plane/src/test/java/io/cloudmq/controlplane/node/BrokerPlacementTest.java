package io.cloudmq.controlplane.node;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudmq.api.cluster.BrokerGroupRole;
import io.cloudmq.controlplane.node.BrokerGroupLeadership.GroupLeader;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BrokerPlacementTest {
    private static final BrokerGroupRole SYNC = BrokerGroupRole.SYNC_MASTER;
    private final LocalClusterLayout layout = LocalClusterLayout.forPortBase(9876);

    private NodeSpec node(String nodeId) {
        return layout.nodes().stream().filter(node -> node.nodeId().equals(nodeId)).findFirst().orElseThrow();
    }

    @Test
    void withoutAFailoverTheLayoutsBrokerIdZeroIsTheSyncMasterOfEpochZeroNamingItsSlave() {
        assertThat(BrokerPlacement.of(node("broker-a-0"), layout, SYNC, Optional.empty()))
                .isEqualTo(new BrokerPlacement(0, "SYNC_MASTER", 0, null, List.of("127.0.0.1:10921")));
        assertThat(BrokerPlacement.of(node("broker-a-1"), layout, SYNC, Optional.empty()))
                .isEqualTo(new BrokerPlacement(1, "SLAVE", 0, "127.0.0.1:10911", List.of()));
    }

    @Test
    void afterAFailoverThePromotedNodeStartsAsMasterInTheGroupsEpochNamingTheDeposedMasterAsItsSlave() {
        Optional<GroupLeader> leader = Optional.of(new GroupLeader("broker-a-1", 3));

        assertThat(BrokerPlacement.of(node("broker-a-1"), layout, SYNC, leader))
                .isEqualTo(new BrokerPlacement(0, "SYNC_MASTER", 3, null, List.of("127.0.0.1:10911")));
    }

    @Test
    void theDeposedMasterRestartsAsSlaveOfTheNewMasterWithTheCurrentEpoch() {
        Optional<GroupLeader> leader = Optional.of(new GroupLeader("broker-a-1", 3));

        assertThat(BrokerPlacement.of(node("broker-a-0"), layout, SYNC, leader))
                .isEqualTo(new BrokerPlacement(1, "SLAVE", 3, "127.0.0.1:10921", List.of()));
    }

    @Test
    void theMasterOfAnAsyncGroupStartsAsAsyncMasterBeforeAndAfterAFailover() {
        Optional<GroupLeader> leader = Optional.of(new GroupLeader("broker-a-1", 3));

        assertThat(BrokerPlacement.of(node("broker-a-0"), layout, BrokerGroupRole.ASYNC_MASTER, Optional.empty()))
                .isEqualTo(new BrokerPlacement(0, "ASYNC_MASTER", 0, null, List.of("127.0.0.1:10921")));
        assertThat(BrokerPlacement.of(node("broker-a-1"), layout, BrokerGroupRole.ASYNC_MASTER, leader))
                .isEqualTo(new BrokerPlacement(0, "ASYNC_MASTER", 3, null, List.of("127.0.0.1:10911")));
        assertThat(BrokerPlacement.of(node("broker-a-0"), layout, BrokerGroupRole.ASYNC_MASTER, leader))
                .isEqualTo(new BrokerPlacement(1, "SLAVE", 3, "127.0.0.1:10921", List.of()));
    }
}
