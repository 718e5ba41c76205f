package io.cloudmq.api.node;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Answer of {@code GET /admin/v1/health}.
 *
 * @param nodeId stable node name, e.g. {@code broker-a-0} or {@code namesrv-1}
 * @param role what the process does
 * @param cluster the cluster the node belongs to
 * @param brokerName the broker group, {@code null} for a name server
 * @param brokerId 0 for a master, at least 1 for a slave, {@code null} for a name server
 * @param version the node jar's {@code Implementation-Version}
 * @param pid the operating-system process id
 * @param startedAt when the process started
 * @param remotingPort the RocketMQ remoting port the node listens on
 * @param appliedGeneration the desired-state generation the node serves, 0 before it received any
 * @param serving the drain phase and request log ({@link NodeServingView}); {@code null} only from a name server
 *     of an older runtime, which had no request log
 * @param recovery how a broker's store was recovered when this process started its broker role
 *     ({@link NodeRecoveryView}); {@code null} for a name server, before the broker role started, and from nodes
 *     older than this field
 */
public record NodeHealthView(
        String nodeId,
        NodeRole role,
        String cluster,
        @Nullable String brokerName,
        @Nullable Integer brokerId,
        String version,
        long pid,
        Instant startedAt,
        int remotingPort,
        long appliedGeneration,
        @Nullable NodeServingView serving,
        @Nullable NodeRecoveryView recovery) {

    /** A view without serving state and recovery (a name server's). */
    public NodeHealthView(String nodeId, NodeRole role, String cluster, @Nullable String brokerName,
            @Nullable Integer brokerId, String version, long pid, Instant startedAt, int remotingPort,
            long appliedGeneration) {
        this(nodeId, role, cluster, brokerName, brokerId, version, pid, startedAt, remotingPort, appliedGeneration,
                null, null);
    }
}
