package io.cloudmq.controlplane.failover;

import io.cloudmq.api.node.NodeState;
import io.cloudmq.api.node.ReplicationView;
import io.cloudmq.controlplane.failover.FailoverDecision.Hold;
import io.cloudmq.controlplane.failover.FailoverDecision.HoldReason;
import io.cloudmq.controlplane.failover.FailoverDecision.Promote;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The failover decision for one broker group, a pure function of its {@link GroupSnapshot}:
 *
 * <ol>
 *   <li>Hold while an upgrade window runs on the cluster, while the master (broker id 0) is UP, and until it
 *       has been DOWN (no successful health check) for {@code masterDownFor}.</li>
 *   <li>Only a SYNC_MASTER, as last reported, fails over automatically: its acknowledged sends are on a
 *       slave.</li>
 *   <li>Candidates are slaves that are UP, were in sync while the master was UP, and whose log end
 *       (confirmed offset) is at least the master's last reported SYNC-acknowledged offset; the one with the
 *       highest end wins (ties: lowest broker id).</li>
 *   <li>The new epoch is one above the highest of the recorded epoch and every member's reported one.</li>
 * </ol>
 *
 * Immutable and thread-safe.
 */
final class FailoverPolicy {
    private final Duration masterDownFor;

    FailoverPolicy(Duration masterDownFor) {
        this.masterDownFor = masterDownFor;
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
        if (masterView == null || !masterView.brokerRole().equals("SYNC_MASTER")) {
            return new Hold(HoldReason.NOT_SYNC_MASTER);
        }
        long acknowledged = masterView.syncAckedOffset();
        return group.members().stream()
                .filter(member -> !member.isMaster() && member.state() == NodeState.UP && member.inSyncWhileMasterUp())
                .filter(member -> endOf(member.replication()) >= acknowledged)
                .max(Comparator.comparingLong((MemberSnapshot member) -> endOf(member.replication()))
                        .thenComparing(Comparator.comparingInt(MemberSnapshot::brokerId).reversed()))
                .<FailoverDecision>map(candidate -> new Promote(candidate.nodeId(), nextEpoch(group),
                        endOf(candidate.replication()), acknowledged))
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
