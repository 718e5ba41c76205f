package io.cloudmq.controlplane.node;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudmq.api.node.NodeHealthView;
import io.cloudmq.api.node.NodeRecoveryView;
import io.cloudmq.api.node.NodeReplicationView;
import io.cloudmq.api.node.NodeRole;
import io.cloudmq.api.node.NodeState;
import io.cloudmq.api.node.ReplicationView;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class NodeTest {
    private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");
    private final Node node = new Node("local", LocalClusterLayout.forPortBase(9876).nodes().get(2).registration(), NOW);

    @Test
    void isDownUntilItsFirstHealthyCheck() {
        assertThat(node.toView().state()).isEqualTo(NodeState.DOWN);

        node.recordHealthy(health(42), NOW);

        assertThat(node.toView().state()).isEqualTo(NodeState.UP);
        assertThat(node.toView().pid()).isEqualTo(42);
        assertThat(node.toView().lastSeenAt()).isEqualTo(NOW);
    }

    @Test
    void oneMissedCheckKeepsItUpAndTheSecondMakesItDown() {
        node.recordHealthy(health(42), NOW);

        node.recordMissedCheck();
        assertThat(node.toView().state()).isEqualTo(NodeState.UP);

        node.recordMissedCheck();
        assertThat(node.toView().state()).isEqualTo(NodeState.DOWN);
    }

    @Test
    void aHealthyCheckResetsTheMissCount() {
        node.recordHealthy(health(42), NOW);
        node.recordMissedCheck();
        node.recordHealthy(health(43), NOW.plusSeconds(2));
        node.recordMissedCheck();

        assertThat(node.toView().state()).isEqualTo(NodeState.UP);
        assertThat(node.toView().pid()).isEqualTo(43);
    }

    @Test
    void showsHowTheStoreRecoveredAtTheLatestStartOfTheNode() {
        NodeRecoveryView crash = new NodeRecoveryView("CRASH", 35, 8192, true);
        NodeRecoveryView normal = new NodeRecoveryView("NORMAL", 2, 8192, false);

        node.recordHealthy(health(42, crash), NOW);
        NodeRecoveryView afterTheCrash = node.toView().recovery();
        node.recordHealthy(health(43, normal), NOW.plusSeconds(2));
        NodeRecoveryView afterACleanRestart = node.toView().recovery();
        node.recordHealthy(health(44), NOW.plusSeconds(4));

        assertThat(afterTheCrash).isEqualTo(crash);
        assertThat(afterACleanRestart).isEqualTo(normal);
        assertThat(node.toView().recovery()).as("a node that does not report it (a name server, an older node)")
                .isNull();
    }

    @Test
    void showsTheLatestReplicationFiguresOfASlaveWithTheirReadTime() {
        assertThat(node.toView().replication()).isNull();

        node.recordReplication(new ReplicationView("SLAVE", 1, 3, 4096, -1, false, 2048, 4000), NOW);
        node.recordReplication(new ReplicationView("SLAVE", 1, 3, 8192, -1, true, 512, 250), NOW.plusSeconds(2));

        assertThat(node.toView().replication())
                .isEqualTo(new NodeReplicationView("SLAVE", 3, 8192, 8192, 512, 250, true, NOW.plusSeconds(2)));
    }

    @Test
    void aMastersConfirmedOffsetIsWhatItsSlaveConfirmed() {
        node.recordReplication(new ReplicationView("SYNC_MASTER", 0, 2, 9000, 8000, true, 0, 0), NOW);

        assertThat(node.toView().replication().confirmedOffset()).isEqualTo(8000);
        assertThat(node.toView().replication().endOffset()).isEqualTo(9000);
    }

    private static NodeHealthView health(long pid) {
        return new NodeHealthView("broker-a-0", NodeRole.BROKER, "local", "broker-a", 0, "1.0", pid, NOW, 10911, 0);
    }

    private static NodeHealthView health(long pid, NodeRecoveryView recovery) {
        return new NodeHealthView("broker-a-0", NodeRole.BROKER, "local", "broker-a", 0, "1.0", pid, NOW, 10911, 0,
                null, recovery);
    }
}
