package io.cloudmq.controlplane.credential;

import io.cloudmq.api.credential.CredentialRole;
import io.cloudmq.api.credential.CredentialView;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PostPersist;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Persistable;

/**
 * Row of {@code credentials}: an instance's AccessKey with its SecretKey sealed by {@link SecretCipher}.
 * A new one is always inserted, never merged, so a (vanishingly unlikely) AccessKey collision fails on the
 * primary key instead of overwriting another credential. Not thread-safe; lives in one transaction.
 */
@Entity
@Table(name = "credentials")
class Credential implements Persistable<String> {
    @Id
    @Column(name = "access_key")
    private String accessKey = "";

    @Column(name = "instance_id")
    private String instanceId = "";

    @Enumerated(EnumType.STRING)
    private CredentialRole role = CredentialRole.PUB_SUB;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(columnDefinition = "text[]")
    private List<String> topics = new ArrayList<>();

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(columnDefinition = "text[]")
    private List<String> groups = new ArrayList<>();

    @Column(name = "secret_ciphertext")
    private byte[] secretCiphertext = new byte[0];

    private boolean enabled;

    @Column(name = "created_at")
    private Instant createdAt = Instant.EPOCH;

    @Column(name = "last_used_at")
    private @Nullable Instant lastUsedAt;

    @Transient
    private boolean stored;

    protected Credential() {}

    Credential(String accessKey, String instanceId, CredentialRole role, List<String> topics, List<String> groups,
            byte[] secretCiphertext, Instant now) {
        this.accessKey = accessKey;
        this.instanceId = instanceId;
        this.role = role;
        this.topics = new ArrayList<>(topics);
        this.groups = new ArrayList<>(groups);
        this.secretCiphertext = secretCiphertext.clone();
        this.enabled = true;
        this.createdAt = now;
    }

    @PostLoad
    @PostPersist
    void markStored() {
        stored = true;
    }

    @Override
    public String getId() {
        return accessKey;
    }

    @Override
    public boolean isNew() {
        return !stored;
    }

    void enable(boolean enable) {
        this.enabled = enable;
    }

    /** Moves the last use forward; an older report changes nothing. */
    void usedAt(Instant usedAt) {
        if (lastUsedAt == null || usedAt.isAfter(lastUsedAt)) {
            lastUsedAt = usedAt;
        }
    }

    String accessKey() {
        return accessKey;
    }

    byte[] secretCiphertext() {
        return secretCiphertext.clone();
    }

    CredentialView toView() {
        return new CredentialView(instanceId, accessKey, role, List.copyOf(topics), List.copyOf(groups), enabled,
                createdAt, lastUsedAt);
    }

    /** The credential with its opened secret, for the nodes. */
    InstanceCredential withSecret(String secretKey) {
        return new InstanceCredential(accessKey, role, List.copyOf(topics), List.copyOf(groups), enabled, secretKey);
    }
}
