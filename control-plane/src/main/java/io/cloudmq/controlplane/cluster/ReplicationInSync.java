package io.cloudmq.controlplane.cluster;

import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * When a broker of the cluster counts a slave as in sync, prefix {@code cloudmq.cluster.replication}: at most
 * {@code maxLagBytes} behind its master's end and caught up with it at most {@code maxLagTime} ago. A
 * SYNC_MASTER without a slave in sync answers sends with {@code SLAVE_NOT_AVAILABLE}, and its failover
 * promotes only a slave in sync. Written into every broker's {@code node.properties} ({@link #nodeProperties()}).
 * Immutable.
 *
 * @param maxLagBytes largest lag of a slave in sync (default 64MB: a slave pausing for a GC stays in sync)
 * @param maxLagTime longest time since a slave in sync was last caught up (default 3s, the nodes' ack timeout)
 */
public record ReplicationInSync(
        @DefaultValue("64MB") DataSize maxLagBytes,
        @DefaultValue("3s") Duration maxLagTime) {

    public ReplicationInSync {
        if (maxLagBytes.toBytes() < 1 || maxLagTime.toMillis() < 1) {
            throw new IllegalArgumentException("cloudmq.cluster.replication in-sync limits must be positive, got "
                    + maxLagBytes + " and " + maxLagTime);
        }
    }

    /** The node settings that carry these limits ({@code replication.in-sync.max-lag.bytes} and {@code .ms}). */
    public Map<String, String> nodeProperties() {
        return Map.of("replication.in-sync.max-lag.bytes", Long.toString(maxLagBytes.toBytes()),
                "replication.in-sync.max-lag.ms", Long.toString(maxLagTime.toMillis()));
    }
}
