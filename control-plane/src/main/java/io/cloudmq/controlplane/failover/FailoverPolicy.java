package io.cloudmq.controlplane.failover;

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
import java.util.Comparator;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The failover decision for one broker group, a pure function of its {@link GroupSnapshot}:
 *
 * <ol>
 *   <li>Hold while an upgrade window runs on the cluster, while the master (broker id 0) is UP, and until it
 *       has been DOWN (no successful health check) for {@code masterDownFor}.</li>
 *   <li>Only a group configured SYNC_MASTER whose master last reported itself a SYNC_MASTER fails over
 *       automatically: its acknowledged sends are on a slave. A group configured ASYNC_MASTER, or whose master
 *       ran as an ASYNC_MASTER (a node configured otherwise, or started before the configuration changed),
 *       fails over only with the operator's opt-in: the UP slave with the highest end is promoted
 *       ({@link PromoteAsync}) with a report of the known loss (the master's end in its last report, that
 *       report's age). A master that never reported a master role holds the group.</li>
 *   <li>Candidates are slaves that are UP, were in sync while the master was UP, and whose log end
 *       (confirmed offset) is at least the master's last reported SYNC-acknowledged offset; the one with the
 *       highest end wins (ties: lowest broker id).</li>
 *   <li>The new epoch is one above the highest of the recorded epoch and every member's reported one.</li>
 * </ol>
 *
 * Immutable and thread-safe.
 */
final class FailoverPolicy {
    /** Highest confirmed offset first; ties: lowest broker id. */
    private static final Comparator<MemberSnapshot> MOST_CONFIRMED =
            Comparator.comparingLong((MemberSnapshot member) -> endOf(member.replication()))
                    .thenComparing(Comparator.comparingInt(MemberSnapshot::brokerId).reversed());

    private static final Set<String> MASTER_ROLES =
            Set.of(BrokerGroupRole.SYNC_MASTER.name(), BrokerGroupRole.ASYNC_MASTER.name());

    private final Duration masterDownFor;
    private final boolean asyncMasterOptIn;

    /** @param asyncMasterOptIn whether an ASYNC_MASTER's slave is promoted too (accepting a reported loss) */
    FailoverPolicy(Duration masterDownFor, boolean asyncMasterOptIn) {
        this.masterDownFor = masterDownFor;
        this.asyncMasterOptIn = asyncMasterOptIn;
    }

    FailoverDecision decide(GroupSnapshot group, Instant now) {
        if (group.upgradeInProgress()) {
            return new Hold(HoldReason.UPGRADE_IN_PROGRESS);
        }
        Optional<MemberSnapshot> found = group.members().stream().filter(MemberSnapshot::isMaster).findFirst();
        if (found.isEmpty()) {
            return new Hold(HoldReason.NO_MASTER);
        }
        MemberSnapshot master = found.get();
        if (master.state() == NodeState.UP) {
            return new Hold(HoldReason.MASTER_UP);
        }
        Instant lastSeen = master.lastSeenAt();
        if (lastSeen != null && lastSeen.plus(masterDownFor).isAfter(now)) {
            return new Hold(HoldReason.MASTER_DOWN_TOO_BRIEFLY);
        }
        ReplicationView masterView = master.replication();
        if (masterView == null || !MASTER_ROLES.contains(masterView.brokerRole())) {
            return new Hold(HoldReason.NOT_SYNC_MASTER);
        }
        boolean syncMaster = group.configuredRole() == BrokerGroupRole.SYNC_MASTER
                && masterView.brokerRole().equals(BrokerGroupRole.SYNC_MASTER.name());
        if (!syncMaster) {
            return asyncMasterOptIn ? promoteAsync(group, masterView, master.replicationReadAt(), now)
                    : new Hold(HoldReason.NOT_SYNC_MASTER);
        }
        long acknowledged = masterView.syncAckedOffset();
        return group.members().stream()
                .filter(member -> !member.isMaster() && member.state() == NodeState.UP && member.inSyncWhileMasterUp())
                .filter(member -> endOf(member.replication()) >= acknowledged)
                .max(MOST_CONFIRMED)
                .<FailoverDecision>map(candidate -> new Promote(candidate.nodeId(), nextEpoch(group),
                        endOf(candidate.replication()), acknowledged))
                .orElseGet(() -> new Hold(HoldReason.NO_SAFE_CANDIDATE));
    }

    private static FailoverDecision promoteAsync(GroupSnapshot group, ReplicationView masterView,
            @Nullable Instant reportedAt, Instant now) {
        Duration reportAge = reportedAt == null ? Duration.ZERO : Duration.between(reportedAt, now);
        return group.members().stream()
                .filter(member -> !member.isMaster() && member.state() == NodeState.UP && member.replication() != null)
                .max(MOST_CONFIRMED)
                .<FailoverDecision>map(candidate -> new PromoteAsync(candidate.nodeId(), nextEpoch(group),
                        new AsyncLossReport(endOf(candidate.replication()), masterView.endOffset(), reportAge)))
                .orElseGet(() -> new Hold(HoldReason.NO_SAFE_CANDIDATE));
    }

    private static long endOf(@Nullable ReplicationView view) {
        return view == null ? -1 : view.endOffset();
    }

    private static long nextEpoch(GroupSnapshot group) {
        long highest = group.epoch();
        for (MemberSnapshot member : group.members()) {
            ReplicationView view = member.replication();
            if (view != null) {
                highest = Math.max(highest, view.epoch());
            }
        }
        return highest + 1;
    }
}
