package io.cloudmq.api.node;

import org.jspecify.annotations.Nullable;

/**
 * Body a node posts to {@code POST /api/v1/clusters/{cluster}/nodes/registrations} in distributed mode,
 * authenticated by the cluster's bootstrap token. The control plane then drives the node through
 * {@code adminUrl} with the node token.
 *
 * @param nodeId stable node name
 * @param role what the process does
 * @param brokerName broker group, {@code null} for a name server
 * @param brokerId broker id, {@code null} for a name server
 * @param adminUrl base URL of the node's admin API, e.g. {@code http://broker-a-0:11911}
 * @param remotingAddress {@code host:port} clients connect to
 */
public record NodeRegistration(
        String nodeId,
        NodeRole role,
        @Nullable String brokerName,
        @Nullable Integer brokerId,
        String adminUrl,
        String remotingAddress) {}
