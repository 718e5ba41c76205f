package io.cloudmq.dataplane.config;

/**
 * A broker's replication role (config key {@code broker.role}, ARCHITECTURE §3): a master stores sends and
 * streams its commit log to its slaves; a slave replicates and serves reads only.
 */
public enum BrokerRole {
    /** Answers a send once it is stored locally; slaves follow asynchronously. */
    ASYNC_MASTER,
    /** Answers a send once a slave confirmed it (or with FLUSH_SLAVE_TIMEOUT / SLAVE_NOT_AVAILABLE). */
    SYNC_MASTER,
    /** Replicates from its master; refuses sends. */
    SLAVE;

    /** Whether this role stores sends. */
    public boolean isMaster() {
        return this != SLAVE;
    }

    /** The role of a broker that configures none: brokerId 0 is a SYNC_MASTER, every other id a SLAVE. */
    public static BrokerRole defaultFor(int brokerId) {
        return brokerId == 0 ? SYNC_MASTER : SLAVE;
    }
}
