package io.cloudmq.api.node;

import java.time.Instant;

/**
 * Where a broker's log stood in its group at the control plane's latest replication check
 * ({@code GET /admin/v1/replication}), as the node list shows it.
 *
 * @param brokerRole {@code ASYNC_MASTER}, {@code SYNC_MASTER} or {@code SLAVE}
 * @param epoch the leadership epoch of the broker's log
 * @param endOffset the commit log's end offset
 * @param confirmedOffset on a master, the highest offset a slave confirmed (-1 before any); on a slave, its own
 *     end offset (what it holds and reported to its master)
 * @param lagBytes on a slave, bytes behind the master's last reported end; 0 on a master
 * @param lagMillis on a slave, milliseconds since it last held the master's reported end (0 while it holds the
 *     last one); 0 on a master
 * @param inSync on a master, whether a slave is in sync; on a slave, whether it streams from its master within
 *     both in-sync limits (lagBytes and lagMillis)
 * @param checkedAt when the control plane read these figures
 */
public record NodeReplicationView(
        String brokerRole,
        long epoch,
        long endOffset,
        long confirmedOffset,
        long lagBytes,
        long lagMillis,
        boolean inSync,
        Instant checkedAt) {

    /** The figures of {@code view}, read at {@code checkedAt}. */
    public static NodeReplicationView of(ReplicationView view, Instant checkedAt) {
        boolean slave = "SLAVE".equals(view.brokerRole());
        return new NodeReplicationView(view.brokerRole(), view.epoch(), view.endOffset(),
                slave ? view.endOffset() : view.syncAckedOffset(), view.lagBytes(), view.lagMillis(), view.inSync(),
                checkedAt);
    }
}
