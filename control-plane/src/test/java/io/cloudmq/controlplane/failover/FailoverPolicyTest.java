package io.cloudmq.controlplane.failover;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudmq.api.cluster.BrokerGroupRole;
import io.cloudmq.api.node.NodeState;
import io.cloudmq.api.node.ReplicationView;
import io.cloudmq.controlplane.failover.FailoverDecision.AsyncLossReport;
import io.cloudmq.controlplane.failover.FailoverDecision.Hold;
import io.cloudmq.controlplane.failover.FailoverDecision.HoldReason;
import io.cloudmq.controlplane.failover.FailoverDecision.Promote;
import io.cloudmq.controlplane.failover.FailoverDecision.PromoteAsync;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class FailoverPolicyTest {
    private static final Instant NOW = Instant.parse("2026-11-22T04:00:00Z");
    private static final Duration DOWN_FOR = Duration.ofSeconds(10);

    private final FailoverPolicy policy = new FailoverPolicy(DOWN_FOR, false);

    private static MemberSnapshot master(String role, NodeState state, Instant lastSeen, long acked) {
        return new MemberSnapshot("broker-a-0", 0, state, lastSeen,
                new ReplicationView(role, 0, 2, 5000, acked, true, 0, 0), lastSeen, false);
    }

    private static MemberSnapshot deadSyncMaster(long acked) {
        return master("SYNC_MASTER", NodeState.DOWN, NOW.minus(DOWN_FOR), acked);
    }

    private static MemberSnapshot slave(String nodeId, int brokerId, long end, boolean inSync) {
        return new MemberSnapshot(nodeId, brokerId, NodeState.UP, NOW,
                new ReplicationView("SLAVE", brokerId, 2, end, -1, false, 0, 0), NOW, inSync);
    }

    /** A group configured SYNC_MASTER. */
    private static GroupSnapshot group(MemberSnapshot... members) {
        return new GroupSnapshot("broker-a", BrokerGroupRole.SYNC_MASTER, 2, false, List.of(members));
    }

    private static GroupSnapshot asyncGroup(MemberSnapshot... members) {
        return new GroupSnapshot("broker-a", BrokerGroupRole.ASYNC_MASTER, 2, false, List.of(members));
    }

    @Test
    void promotesTheInSyncSlaveCoveringTheMastersAcknowledgedOffsetInTheNextEpoch() {
        FailoverDecision decision = policy.decide(group(deadSyncMaster(4000), slave("broker-a-1", 1, 4096, true)), NOW);

        assertThat(decision).isEqualTo(new Promote("broker-a-1", 3, 4096, 4000));
    }

    @Test
    void choosesTheSlaveWithTheHighestConfirmedOffset() {
        FailoverDecision decision = policy.decide(group(deadSyncMaster(4000), slave("broker-a-1", 1, 4500, true),
                slave("broker-a-2", 2, 4800, true)), NOW);

        assertThat(decision).isInstanceOfSatisfying(Promote.class,
                promote -> assertThat(promote.nodeId()).isEqualTo("broker-a-2"));
    }

    @Test
    void holdsWhenNoSlaveCoversTheMastersAcknowledgedOffset() {
        assertThat(policy.decide(group(deadSyncMaster(4000), slave("broker-a-1", 1, 3999, true)), NOW))
                .isEqualTo(new Hold(HoldReason.NO_SAFE_CANDIDATE));
    }

    @Test
    void holdsWhenTheSlaveWasNotInSyncOrIsDown() {
        MemberSnapshot down = new MemberSnapshot("broker-a-2", 2, NodeState.DOWN, NOW,
                new ReplicationView("SLAVE", 2, 2, 9000, -1, false, 0, 0), NOW, true);

        assertThat(policy.decide(group(deadSyncMaster(4000), slave("broker-a-1", 1, 9000, false), down), NOW))
                .isEqualTo(new Hold(HoldReason.NO_SAFE_CANDIDATE));
    }

    @Test
    void waitsUntilTheMasterHasBeenDownForTheConfiguredTime() {
        MemberSnapshot recentlyDown = master("SYNC_MASTER", NodeState.DOWN, NOW.minus(DOWN_FOR).plusMillis(1), 4000);

        assertThat(policy.decide(group(recentlyDown, slave("broker-a-1", 1, 4096, true)), NOW))
                .isEqualTo(new Hold(HoldReason.MASTER_DOWN_TOO_BRIEFLY));
    }

    @Test
    void holdsWhileTheMasterIsUp() {
        MemberSnapshot up = master("SYNC_MASTER", NodeState.UP, NOW, 4000);

        assertThat(policy.decide(group(up, slave("broker-a-1", 1, 4096, true)), NOW))
                .isEqualTo(new Hold(HoldReason.MASTER_UP));
    }

    @Test
    void neverPromotesForAnAsyncMaster() {
        MemberSnapshot async = master("ASYNC_MASTER", NodeState.DOWN, NOW.minus(DOWN_FOR), -1);

        assertThat(policy.decide(asyncGroup(async, slave("broker-a-1", 1, 4096, true)), NOW))
                .isEqualTo(new Hold(HoldReason.NOT_SYNC_MASTER));
    }

    @Test
    void aGroupConfiguredAsyncFailsOverOnlyByOptInEvenIfItsMasterStillRanAsSyncMaster() {
        MemberSnapshot ranSync = deadSyncMaster(4000);
        GroupSnapshot group = asyncGroup(ranSync, slave("broker-a-1", 1, 4096, true));

        assertThat(policy.decide(group, NOW)).isEqualTo(new Hold(HoldReason.NOT_SYNC_MASTER));
        assertThat(new FailoverPolicy(DOWN_FOR, true).decide(group, NOW)).isEqualTo(new PromoteAsync("broker-a-1", 3,
                new AsyncLossReport(4096, 5000, DOWN_FOR)));
    }

    @Test
    void aSyncGroupWhoseMasterRanAsAsyncMasterFailsOverOnlyByOptIn() {
        MemberSnapshot ranAsync = master("ASYNC_MASTER", NodeState.DOWN, NOW.minus(DOWN_FOR), -1);
        GroupSnapshot group = group(ranAsync, slave("broker-a-1", 1, 4096, true));

        assertThat(policy.decide(group, NOW)).isEqualTo(new Hold(HoldReason.NOT_SYNC_MASTER));
        assertThat(new FailoverPolicy(DOWN_FOR, true).decide(group, NOW))
                .isInstanceOfSatisfying(PromoteAsync.class,
                        promote -> assertThat(promote.nodeId()).isEqualTo("broker-a-1"));
    }

    @Test
    void aMasterThatNeverReportedAMasterRoleHoldsTheGroupEvenWithTheOptIn() {
        FailoverPolicy optedIn = new FailoverPolicy(DOWN_FOR, true);
        MemberSnapshot unknown = new MemberSnapshot("broker-a-0", 0, NodeState.DOWN, NOW.minus(DOWN_FOR), null, null,
                false);
        MemberSnapshot stillSlave = master("SLAVE", NodeState.DOWN, NOW.minus(DOWN_FOR), -1);

        assertThat(optedIn.decide(asyncGroup(unknown, slave("broker-a-1", 1, 4096, true)), NOW))
                .isEqualTo(new Hold(HoldReason.NOT_SYNC_MASTER));
        assertThat(optedIn.decide(asyncGroup(stillSlave, slave("broker-a-1", 1, 4096, true)), NOW))
                .isEqualTo(new Hold(HoldReason.NOT_SYNC_MASTER));
    }

    @Test
    void withTheOptInPromotesTheMostAdvancedUpSlaveOfAnAsyncMasterAndReportsTheKnownLoss() {
        FailoverPolicy optedIn = new FailoverPolicy(DOWN_FOR, true);
        MemberSnapshot async = master("ASYNC_MASTER", NodeState.DOWN, NOW.minus(DOWN_FOR).minusSeconds(2), -1);

        FailoverDecision decision = optedIn.decide(asyncGroup(async, slave("broker-a-1", 1, 4096, false),
                slave("broker-a-2", 2, 4500, false)), NOW);

        assertThat(decision).isEqualTo(new PromoteAsync("broker-a-2", 3,
                new AsyncLossReport(4500, 5000, DOWN_FOR.plusSeconds(2))));
        assertThat(((PromoteAsync) decision).report().knownLossBytes()).isEqualTo(500);
    }

    @Test
    void theAsyncOptInStillHoldsWithoutAnUpSlaveAndLeavesSyncMastersToTheSafeRule() {
        FailoverPolicy optedIn = new FailoverPolicy(DOWN_FOR, true);
        MemberSnapshot async = master("ASYNC_MASTER", NodeState.DOWN, NOW.minus(DOWN_FOR), -1);
        MemberSnapshot downSlave = new MemberSnapshot("broker-a-1", 1, NodeState.DOWN, NOW,
                new ReplicationView("SLAVE", 1, 2, 4096, -1, false, 0, 0), NOW, true);

        assertThat(optedIn.decide(asyncGroup(async, downSlave), NOW)).isEqualTo(new Hold(HoldReason.NO_SAFE_CANDIDATE));
        assertThat(optedIn.decide(group(deadSyncMaster(4000), slave("broker-a-1", 1, 3999, true)), NOW))
                .isEqualTo(new Hold(HoldReason.NO_SAFE_CANDIDATE));
    }

    @Test
    void holdsWhileAnUpgradeWindowRuns() {
        GroupSnapshot upgrading = new GroupSnapshot("broker-a", BrokerGroupRole.SYNC_MASTER, 2, true,
                List.of(deadSyncMaster(4000), slave("broker-a-1", 1, 4096, true)));

        assertThat(policy.decide(upgrading, NOW)).isEqualTo(new Hold(HoldReason.UPGRADE_IN_PROGRESS));
    }

    @Test
    void holdsWithoutAMasterInTheRegistry() {
        assertThat(policy.decide(group(slave("broker-a-1", 1, 4096, true)), NOW))
                .isEqualTo(new Hold(HoldReason.NO_MASTER));
    }

    @Test
    void theNewEpochIsAboveEveryReportedEpoch() {
        MemberSnapshot aheadSlave = new MemberSnapshot("broker-a-1", 1, NodeState.UP, NOW,
                new ReplicationView("SLAVE", 1, 7, 4096, -1, false, 0, 0), NOW, true);

        assertThat(policy.decide(group(deadSyncMaster(4000), aheadSlave), NOW)).isInstanceOfSatisfying(Promote.class,
                promote -> assertThat(promote.epoch()).isEqualTo(8));
    }
}
