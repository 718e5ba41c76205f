package io.cloudmq.dataplane.auth;

import io.cloudmq.dataplane.config.Secret;

/**
 * The cluster's operator credential, used by the control plane, the canary and the nodes themselves
 * (broker registration): it may send every request code, admin codes included, for every namespace.
 * Immutable; {@link #toString()} hides the secret through {@link Secret}.
 */
public record OperatorCredential(String accessKey, Secret secretKey) implements Credential {
    public OperatorCredential {
        TenantCredential.requireKeys(accessKey, secretKey);
    }
}
