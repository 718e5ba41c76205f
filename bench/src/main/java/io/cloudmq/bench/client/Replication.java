package io.cloudmq.bench.client;

import java.util.Locale;
import java.util.Map;

/**
 * The master + slave groups {@link ReplicationBenchmark} measures, in run order. RocketMQ 5.5.0's SYNC_MASTER waits
 * for a slave's acknowledgement only when {@code inSyncReplicas} (replicas counting the master, default 1) is at
 * least 2: with the default its store answers PUT_OK as soon as the master has appended (its {@code CommitLog}
 * skips the HA wait for one needed acknowledgement). It is therefore measured both ways: with
 * {@code inSyncReplicas=2}, the guarantee CloudMQ's SYNC_MASTER gives (the target's reference), and with the
 * defaults.
 */
enum Replication {
    CLOUDMQ_ASYNC("CloudMQ ASYNC_MASTER + SLAVE", true, GroupSetup.withSlave("ASYNC_MASTER", Map.of())),
    CLOUDMQ_SYNC("CloudMQ SYNC_MASTER + SLAVE", true, GroupSetup.withSlave("SYNC_MASTER", Map.of())),
    ROCKETMQ_SYNC("RocketMQ SYNC_MASTER + SLAVE, inSyncReplicas=2", false,
            GroupSetup.withSlave("SYNC_MASTER", Map.of("inSyncReplicas", "2"))),
    ROCKETMQ_SYNC_DEFAULTS("RocketMQ SYNC_MASTER + SLAVE, defaults", false,
            GroupSetup.withSlave("SYNC_MASTER", Map.of()));

    private final String label;
    private final boolean cloudMq;
    private final GroupSetup setup;

    Replication(String label, boolean cloudMq, GroupSetup setup) {
        this.label = label;
        this.cloudMq = cloudMq;
        this.setup = setup;
    }

    String label() {
        return label;
    }

    /** CloudMQ's node jar, or else Apache RocketMQ 5.5.0's server. */
    boolean cloudMq() {
        return cloudMq;
    }

    GroupSetup setup() {
        return setup;
    }

    /** The run directory's subdirectory for this group's processes. */
    String directory() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
