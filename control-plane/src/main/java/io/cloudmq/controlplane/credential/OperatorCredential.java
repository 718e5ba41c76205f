package io.cloudmq.controlplane.credential;

import io.cloudmq.api.credential.OperatorCredentialView;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * Row of {@code operator_credentials}: a cluster's operator AccessKey with its SecretKey sealed by
 * {@link SecretCipher}. Inserted only by {@link OperatorCredentialRepository#insertIfAbsent}; immutable.
 */
@Entity
@Table(name = "operator_credentials")
class OperatorCredential {
    @Id
    @Column(name = "cluster_id")
    private String clusterId = "";

    @Column(name = "access_key")
    private String accessKey = "";

    @Column(name = "secret_ciphertext")
    private byte[] secretCiphertext = new byte[0];

    @Column(name = "created_at")
    private Instant createdAt = Instant.EPOCH;

    protected OperatorCredential() {}

    String accessKey() {
        return accessKey;
    }

    byte[] secretCiphertext() {
        return secretCiphertext.clone();
    }

    OperatorCredentialView toView() {
        return new OperatorCredentialView(clusterId, accessKey, createdAt);
    }
}
