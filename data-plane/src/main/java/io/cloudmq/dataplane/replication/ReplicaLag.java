package io.cloudmq.dataplane.replication;

/**
 * A snapshot of one slave's replication state, for the node view.
 *
 * @param slave the slave's name (or remote address for a version-1 slave)
 * @param confirmedOffset every byte below it is in the slave's page cache
 * @param lagBytes master end offset minus the confirmed offset
 * @param lagMillis milliseconds since the slave was last caught up
 * @param inSync whether both lags are within the in-sync limits
 */
public record ReplicaLag(String slave, long confirmedOffset, long lagBytes, long lagMillis, boolean inSync) {}
