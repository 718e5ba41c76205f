package io.cloudmq.controlplane.node;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * Decides whether a self-registering node (distributed mode) presented the cluster's bootstrap token
 * ({@code cloudmq.cluster.bootstrap-token}). With no token configured, self-registration is closed.
 */
class NodeRegistrationGate {
    private static final String BEARER = "Bearer ";

    private final byte[] bootstrapToken;

    NodeRegistrationGate(String bootstrapToken) {
        this.bootstrapToken = bootstrapToken.getBytes(StandardCharsets.UTF_8);
    }

    boolean admits(String authorization) {
        if (bootstrapToken.length == 0 || !authorization.startsWith(BEARER)) {
            return false;
        }
        byte[] presented = authorization.substring(BEARER.length()).getBytes(StandardCharsets.UTF_8);
        return MessageDigest.isEqual(presented, bootstrapToken);
    }
}
