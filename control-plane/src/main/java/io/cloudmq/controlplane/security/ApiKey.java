package io.cloudmq.controlplane.security;

import io.cloudmq.api.security.ApiKeyRole;
import io.cloudmq.api.security.ApiKeyView;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.security.MessageDigest;
import java.time.Instant;

/** Row of {@code api_keys}: the key without its secret, which only exists as SHA-256. Immutable once stored. */
@Entity
@Table(name = "api_keys")
class ApiKey {
    @Id
    @Column(name = "key_id")
    private String keyId = "";

    private String name = "";

    @Enumerated(EnumType.STRING)
    private ApiKeyRole role = ApiKeyRole.READ_ONLY;

    @Column(name = "secret_sha256")
    private byte[] secretSha256 = new byte[0];

    @Column(name = "created_at")
    private Instant createdAt = Instant.EPOCH;

    protected ApiKey() {}

    ApiKey(String keyId, String name, ApiKeyRole role, byte[] secretSha256, Instant now) {
        this.keyId = keyId;
        this.name = name;
        this.role = role;
        this.secretSha256 = secretSha256.clone();
        this.createdAt = now;
    }

    /** Constant-time comparison of a presented secret's hash. */
    boolean matches(byte[] presentedSha256) {
        return MessageDigest.isEqual(secretSha256, presentedSha256);
    }

    ApiKeyRole role() {
        return role;
    }

    ApiPrincipal principal() {
        return new ApiPrincipal(keyId, role);
    }

    ApiKeyView toView() {
        return new ApiKeyView(keyId, name, role, createdAt);
    }
}
