package io.cloudmq.api.node;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A node of a cluster as {@code GET /api/v1/clusters/{clusterId}/nodes} lists it. The health fields are
 * those of the node's latest successful health check; they are {@code null} until the first one.
 *
 * @param nodeId stable node name
 * @param role what the process does
 * @param brokerName broker group, {@code null} for a name server
 * @param brokerId 0 for a master, at least 1 for a slave, {@code null} for a name server
 * @param state UP or DOWN, from health checks every two seconds
 * @param version the node jar's version
 * @param pid the node's operating-system process id
 * @param startedAt when the node process started
 * @param lastSeenAt time of the latest successful health check
 * @param adminUrl base URL of the node's admin API
 * @param remotingAddress {@code host:port} RocketMQ clients connect to
 * @param replication a broker's replication figures (role, epoch, offsets, lag) from the latest replication
 *     check, {@code null} for a name server or before a broker answered one
 * @param recovery how a broker's store was recovered when its process started (mode {@code NORMAL} or
 *     {@code CRASH}, duration, recovered offset, torn tail cut), from the latest health check; {@code null} for a
 *     name server, before the broker role answered with it, or from a node older than this field
 */
public record NodeView(
        String nodeId,
        NodeRole role,
        @Nullable String brokerName,
        @Nullable Integer brokerId,
        NodeState state,
        @Nullable String version,
        @Nullable Long pid,
        @Nullable Instant startedAt,
        @Nullable Instant lastSeenAt,
        String adminUrl,
        String remotingAddress,
        @Nullable NodeReplicationView replication,
        @Nullable NodeRecoveryView recovery) {

    /** A view without recovery figures. */
    public NodeView(String nodeId, NodeRole role, @Nullable String brokerName, @Nullable Integer brokerId,
            NodeState state, @Nullable String version, @Nullable Long pid, @Nullable Instant startedAt,
            @Nullable Instant lastSeenAt, String adminUrl, String remotingAddress,
            @Nullable NodeReplicationView replication) {
        this(nodeId, role, brokerName, brokerId, state, version, pid, startedAt, lastSeenAt, adminUrl,
                remotingAddress, replication, null);
    }

    /** A view without replication figures (a name server's, or a broker's before its first replication check). */
    public NodeView(String nodeId, NodeRole role, @Nullable String brokerName, @Nullable Integer brokerId,
            NodeState state, @Nullable String version, @Nullable Long pid, @Nullable Instant startedAt,
            @Nullable Instant lastSeenAt, String adminUrl, String remotingAddress) {
        this(nodeId, role, brokerName, brokerId, state, version, pid, startedAt, lastSeenAt, adminUrl,
                remotingAddress, null, null);
    }
}
