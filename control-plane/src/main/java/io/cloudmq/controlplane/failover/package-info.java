/**
 * Automatic failover of SYNC_MASTER broker groups (ARCHITECTURE §3, §4): a singleton watcher reads the
 * brokers' replication state, decides with {@link io.cloudmq.controlplane.failover.FailoverPolicy} (a pure
 * function of the group's snapshot) and promotes the slave through the node admin API; each group's epoch
 * and master live in PostgreSQL, which the standalone launcher reads to fence a returning old master.
 * Planned switchovers ({@link io.cloudmq.controlplane.failover.SwitchoverRunner}) drain the master, promote
 * its slave under a new epoch and wait for the old master to follow it.
 */
@NullMarked
package io.cloudmq.controlplane.failover;

import org.jspecify.annotations.NullMarked;
