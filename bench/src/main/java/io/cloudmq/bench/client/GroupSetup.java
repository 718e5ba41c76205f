package io.cloudmq.bench.client;

import java.util.Map;

/**
 * How the broker group under test is set up: the master's replication role and flush mode, whether a slave
 * (broker id 1, same flush mode) replicates from it, and further master settings in the broker's own
 * configuration format (node properties for CloudMQ, {@code broker.conf} keys for RocketMQ).
 *
 * @param masterRole {@code ASYNC_MASTER} or {@code SYNC_MASTER}
 * @param flushMode {@code ASYNC_FLUSH} or {@code SYNC_FLUSH}, on every broker of the group
 * @param slave whether a slave runs and the benchmark waits until it is in sync before measuring
 * @param masterSettings further settings of the master, empty for the broker's defaults
 */
record GroupSetup(String masterRole, String flushMode, boolean slave, Map<String, String> masterSettings) {

    GroupSetup {
        masterSettings = Map.copyOf(masterSettings);
    }

    /** An ASYNC_MASTER alone with {@code flushMode}. */
    static GroupSetup alone(String flushMode) {
        return new GroupSetup("ASYNC_MASTER", flushMode, false, Map.of());
    }

    /** A master of {@code masterRole} with one slave, both ASYNC_FLUSH, the master with {@code masterSettings}. */
    static GroupSetup withSlave(String masterRole, Map<String, String> masterSettings) {
        return new GroupSetup(masterRole, "ASYNC_FLUSH", true, masterSettings);
    }
}
