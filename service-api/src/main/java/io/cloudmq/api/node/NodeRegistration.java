package io.cloudmq.api.node;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
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
        @NotNull @Pattern(regexp = "^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$") String nodeId,
        @NotNull NodeRole role,
        @Nullable @Pattern(regexp = "^[A-Za-z0-9_-]{1,64}$") String brokerName,
        @Nullable @Min(0) Integer brokerId,
        @NotNull @Pattern(regexp = "^https?://[^\\s/]+(:\\d{1,5})?$") String adminUrl,
        @NotNull @Pattern(regexp = "^[^\\s:/]+:\\d{1,5}$") String remotingAddress) {}
