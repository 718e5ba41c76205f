package io.cloudmq.api.node;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;

/**
 * Answer of {@code GET /admin/v1/replication} on a broker: where its log stands in its group, as the
 * control plane's failover reads it.
 *
 * @param brokerRole {@code ASYNC_MASTER}, {@code SYNC_MASTER} or {@code SLAVE}
 * @param brokerId 0 for the master, at least 1 for a slave
 * @param epoch the leadership epoch of the log (last term of its epoch history, 0 without one)
 * @param endOffset the commit log's end offset
 * @param syncAckedOffset on a master, the highest offset a slave confirmed (a SYNC_MASTER acknowledged every
 *     send ending at or below it); -1 on a slave or before any confirmation
 * @param inSync on a master, whether a slave is in sync now; on a slave, whether it streams from its master
 *     within both in-sync limits: lagBytes and lagMillis at most the node's
 *     {@code replication.in-sync.max-lag.bytes} and {@code replication.in-sync.max-lag.ms}
 * @param lagBytes on a slave, bytes behind the master's last reported end; 0 on a master
 * @param lagMillis on a slave, milliseconds since it last held its master's reported end, 0 while it holds the
 *     last one (the slave's own measure of what its master exports as {@code cloudmq.replication.lag.time}); 0 on
 *     a master, and 0 from a node too old to report it
 */
public record ReplicationView(
        String brokerRole,
        long brokerId,
        long epoch,
        long endOffset,
        long syncAckedOffset,
        boolean inSync,
        long lagBytes,
        @JsonSetter(nulls = Nulls.AS_EMPTY) long lagMillis) {}
