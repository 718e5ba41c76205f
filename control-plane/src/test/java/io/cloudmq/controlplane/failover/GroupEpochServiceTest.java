package io.cloudmq.controlplane.failover;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudmq.api.node.NodeRegistration;
import io.cloudmq.api.node.NodeRole;
import io.cloudmq.api.node.NodeView;
import io.cloudmq.controlplane.ControlPlaneTest;
import io.cloudmq.controlplane.TestClusters;
import io.cloudmq.controlplane.node.BrokerGroupLeadership.GroupLeader;
import io.cloudmq.controlplane.node.NodeService;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@ControlPlaneTest
class GroupEpochServiceTest {
    @Autowired
    GroupEpochService epochs;
    @Autowired
    NodeService nodes;
    @Autowired
    JdbcClient jdbc;

    private String cluster;

    @BeforeEach
    void groupOfMasterAndSlave() {
        cluster = TestClusters.create(jdbc);
        nodes.register(cluster, new NodeRegistration("broker-a-0", NodeRole.BROKER, "broker-a", 0,
                "http://127.0.0.1:11911", "127.0.0.1:10911"));
        nodes.register(cluster, new NodeRegistration("broker-a-1", NodeRole.BROKER, "broker-a", 1,
                "http://127.0.0.1:11921", "127.0.0.1:10921"));
    }

    private Map<String, Integer> brokerIds() {
        return nodes.list(cluster).stream().collect(Collectors.toMap(NodeView::nodeId, NodeView::brokerId));
    }

    @Test
    void aGroupThatNeverFailedOverHasNoRecordedLeader() {
        assertThat(epochs.leaderOf(cluster, "broker-a")).isEmpty();
    }

    @Test
    void recordsThePromotionAndSwapsTheBrokerIdsInTheRegistry() {
        assertThat(epochs.recordPromotion(cluster, "broker-a", "broker-a-1", 1)).isTrue();

        assertThat(epochs.leaderOf(cluster, "broker-a")).contains(new GroupLeader("broker-a-1", 1));
        assertThat(brokerIds()).containsExactlyInAnyOrderEntriesOf(Map.of("broker-a-0", 1, "broker-a-1", 0));
    }

    @Test
    void refusesAPromotionWhoseEpochIsNotNewer() {
        epochs.recordPromotion(cluster, "broker-a", "broker-a-1", 2);

        assertThat(epochs.recordPromotion(cluster, "broker-a", "broker-a-0", 2)).isFalse();

        assertThat(epochs.leaderOf(cluster, "broker-a")).contains(new GroupLeader("broker-a-1", 2));
        assertThat(brokerIds()).containsEntry("broker-a-1", 0);
    }

    @Test
    void aSecondFailoverHandsTheGroupBack() {
        epochs.recordPromotion(cluster, "broker-a", "broker-a-1", 1);

        assertThat(epochs.recordPromotion(cluster, "broker-a", "broker-a-0", 2)).isTrue();

        assertThat(epochs.leaderOf(cluster, "broker-a")).contains(new GroupLeader("broker-a-0", 2));
        assertThat(brokerIds()).containsExactlyInAnyOrderEntriesOf(Map.of("broker-a-0", 0, "broker-a-1", 1));
    }
}
