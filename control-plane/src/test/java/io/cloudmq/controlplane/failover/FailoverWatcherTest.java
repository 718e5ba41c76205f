package io.cloudmq.controlplane.failover;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.cloudmq.api.cluster.BrokerGroupRole;
import io.cloudmq.api.node.NodeRole;
import io.cloudmq.api.node.NodeState;
import io.cloudmq.api.node.NodeView;
import io.cloudmq.api.node.ReplicationView;
import io.cloudmq.controlplane.cluster.ClusterProperties;
import io.cloudmq.controlplane.cluster.ClusterTier;
import io.cloudmq.controlplane.cluster.ReplicationInSync;
import io.cloudmq.controlplane.node.NodeAdminClient;
import io.cloudmq.controlplane.node.NodeService;
import io.cloudmq.controlplane.shared.leadership.SingletonGuard;
import io.cloudmq.controlplane.upgrade.UpgradeWindowService;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

/**
 * The watcher's passes against a registry and admin API that play a SIGKILLed SYNC_MASTER: the slave stops
 * saying it is in sync at once, the registry calls the master DOWN only after missed checks.
 */
class FailoverWatcherTest {
    private static final Instant KILLED_AT = Instant.parse("2026-11-22T10:00:00Z");
    private static final String MASTER_URL = "http://127.0.0.1:1";
    private static final String SLAVE_URL = "http://127.0.0.1:2";
    private static final ReplicationView MASTER = new ReplicationView("SYNC_MASTER", 0, 3, 9000, 9000, true, 0, 0);
    private static final ReplicationView SLAVE_IN_SYNC = new ReplicationView("SLAVE", 1, 3, 9000, -1, true, 0, 0);
    private static final ReplicationView SLAVE_STREAM_LOST = new ReplicationView("SLAVE", 1, 3, 9000, -1, false, 0, 0);

    private final NodeService nodes = mock(NodeService.class);
    private final NodeAdminClient admin = mock(NodeAdminClient.class);
    private final SingletonGuard singletons = mock(SingletonGuard.class);
    private final GroupEpochService epochs = mock(GroupEpochService.class);
    private final UpgradeWindowService upgrades = mock(UpgradeWindowService.class);
    private Instant now = KILLED_AT.minusSeconds(4);
    private Clock clock = Clock.systemUTC();
    private FailoverWatcher watcher;

    @BeforeEach
    void watcher() {
        when(singletons.runIfLeader(anyString(), any())).thenAnswer(call -> {
            call.<Runnable>getArgument(1).run();
            return true;
        });
        when(epochs.leaderOf("local", "broker-a")).thenReturn(Optional.empty());
        when(epochs.recordPromotion("local", "broker-a", "broker-a-1", 4)).thenReturn(true);
        clock = new Clock() {
            @Override
            public Instant instant() {
                return now;
            }

            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return this;
            }
        };
        watcher = watcher(false, Map.of());
    }

    private FailoverWatcher watcher(boolean asyncOptIn, Map<String, BrokerGroupRole> groupRoles) {
        return new FailoverWatcher(nodes, admin, singletons, epochs, upgrades,
                new FailoverProperties(true, Duration.ofSeconds(10), asyncOptIn, Duration.ofSeconds(35)),
                new ClusterProperties("local", 168, List.of("broker-a"), "", "", ClusterTier.CLUSTER_HA, groupRoles,
                        new ReplicationInSync(DataSize.ofMegabytes(64), Duration.ofSeconds(3))),
                clock);
    }

    @Test
    void aSlaveInSyncUntilItsMasterWasKilledIsPromotedAlthoughItLostTheStreamBeforeTheMasterWasSeenDown() {
        registry(NodeState.UP);
        when(admin.replication(MASTER_URL)).thenReturn(Optional.of(MASTER));
        when(admin.replication(SLAVE_URL)).thenReturn(Optional.of(SLAVE_IN_SYNC));
        watcher.watchIfLeader();

        now = KILLED_AT.plusSeconds(1);
        when(admin.replication(MASTER_URL)).thenReturn(Optional.empty());
        when(admin.replication(SLAVE_URL)).thenReturn(Optional.of(SLAVE_STREAM_LOST));
        watcher.watchIfLeader();
        now = KILLED_AT.plusSeconds(3);
        watcher.watchIfLeader();
        verify(admin, never()).promote(anyString(), anyLong(), any());

        registry(NodeState.DOWN);
        now = KILLED_AT.plusSeconds(11);
        watcher.watchIfLeader();

        verify(admin).promote(SLAVE_URL, 4, BrokerGroupRole.SYNC_MASTER);
    }

    @Test
    void theSlaveOfAGroupConfiguredAsyncIsPromotedByOptInToAnAsyncMaster() {
        watcher = watcher(true, Map.of("broker-a", BrokerGroupRole.ASYNC_MASTER));
        registry(NodeState.UP);
        when(admin.replication(MASTER_URL)).thenReturn(Optional.of(
                new ReplicationView("ASYNC_MASTER", 0, 3, 9000, -1, true, 0, 0)));
        when(admin.replication(SLAVE_URL)).thenReturn(Optional.of(SLAVE_STREAM_LOST));
        watcher.watchIfLeader();

        registry(NodeState.DOWN);
        when(admin.replication(MASTER_URL)).thenReturn(Optional.empty());
        now = KILLED_AT.plusSeconds(11);
        watcher.watchIfLeader();

        verify(admin).promote(SLAVE_URL, 4, BrokerGroupRole.ASYNC_MASTER);
    }

    @Test
    void aSlaveOutOfSyncWhileItsMasterAnsweredIsNotPromoted() {
        registry(NodeState.UP);
        when(admin.replication(MASTER_URL)).thenReturn(Optional.of(MASTER));
        when(admin.replication(SLAVE_URL)).thenReturn(Optional.of(SLAVE_STREAM_LOST));
        watcher.watchIfLeader();

        registry(NodeState.DOWN);
        when(admin.replication(MASTER_URL)).thenReturn(Optional.empty());
        now = KILLED_AT.plusSeconds(11);
        watcher.watchIfLeader();

        verify(admin, never()).promote(anyString(), anyLong(), any());
    }

    /** The registry's view: the master in {@code masterState} (last seen just before the kill), the slave UP. */
    private void registry(NodeState masterState) {
        Instant masterSeen = masterState == NodeState.UP ? now : KILLED_AT.minusMillis(500);
        when(nodes.list("local")).thenReturn(List.of(
                new NodeView("broker-a-0", NodeRole.BROKER, "broker-a", 0, masterState, "1", 1L, KILLED_AT,
                        masterSeen, MASTER_URL, "127.0.0.1:10911"),
                new NodeView("broker-a-1", NodeRole.BROKER, "broker-a", 1, NodeState.UP, "1", 2L, KILLED_AT, now,
                        SLAVE_URL, "127.0.0.1:10921")));
    }
}
