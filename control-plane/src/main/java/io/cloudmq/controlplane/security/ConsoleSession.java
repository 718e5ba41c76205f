package io.cloudmq.controlplane.security;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * Row of {@code console_sessions}: a signed-in console, known only by the SHA-256 of its cookie value.
 * Immutable once stored; it ends by expiry, sign-out or revocation of its API key.
 */
@Entity
@Table(name = "console_sessions")
class ConsoleSession {
    @Id
    @Column(name = "id_sha256")
    private String idSha256 = "";

    @Column(name = "key_id")
    private String keyId = "";

    @Column(name = "created_at")
    private Instant createdAt = Instant.EPOCH;

    @Column(name = "expires_at")
    private Instant expiresAt = Instant.EPOCH;

    protected ConsoleSession() {}

    ConsoleSession(String idSha256, String keyId, Instant createdAt, Instant expiresAt) {
        this.idSha256 = idSha256;
        this.keyId = keyId;
        this.createdAt = createdAt;
        this.expiresAt = expiresAt;
    }

    String keyId() {
        return keyId;
    }

    Instant expiresAt() {
        return expiresAt;
    }
}
