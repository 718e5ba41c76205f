package io.cloudmq.dataplane.auth;

import io.cloudmq.dataplane.config.Secret;

/**
 * An AccessKey/SecretKey pair a node verifies signatures with: a tenant's or the cluster operator's.
 * Implementations are immutable.
 */
public sealed interface Credential permits TenantCredential, OperatorCredential {
    String accessKey();

    Secret secretKey();
}
