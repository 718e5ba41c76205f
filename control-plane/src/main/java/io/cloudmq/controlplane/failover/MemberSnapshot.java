package io.cloudmq.controlplane.failover;

import io.cloudmq.api.node.NodeState;
import io.cloudmq.api.node.ReplicationView;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One broker of a group as the failover watcher last saw it.
 *
 * @param nodeId the node's stable name
 * @param brokerId the broker id the registry gives it (0 for the master)
 * @param state UP or DOWN, from the node registry's health checks
 * @param lastSeenAt the node's latest successful health check, {@code null} if it never answered one
 * @param replication the node's latest replication state, {@code null} if it never answered one
 * @param replicationReadAt when {@code replication} was read, {@code null} with it
 * @param inSyncWhileMasterUp for a slave, whether its latest replication state read while the master was UP
 *     said it was in sync
 */
record MemberSnapshot(
        String nodeId,
        int brokerId,
        NodeState state,
        @Nullable Instant lastSeenAt,
        @Nullable ReplicationView replication,
        @Nullable Instant replicationReadAt,
        boolean inSyncWhileMasterUp) {

    boolean isMaster() {
        return brokerId == 0;
    }
}
