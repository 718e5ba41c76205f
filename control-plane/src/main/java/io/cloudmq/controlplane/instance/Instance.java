package io.cloudmq.controlplane.instance;

import io.cloudmq.api.instance.InstanceQuotas;
import io.cloudmq.api.instance.InstanceTier;
import io.cloudmq.api.instance.InstanceView;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Row of {@code instances}. A {@code system} instance (a cluster's canary) is hidden from the tenant API.
 * Not thread-safe; lives in one transaction.
 */
@Entity
@Table(name = "instances")
class Instance {
    @Id
    private String id = "";

    private String name = "";

    private @Nullable String description;

    @Column(name = "cluster_id")
    private String clusterId = "";

    @Enumerated(EnumType.STRING)
    private InstanceTier tier = InstanceTier.SINGLE_NODE;

    @Column(name = "max_topics")
    private int maxTopics;

    @Column(name = "max_groups")
    private int maxGroups;

    @Column(name = "retention_hours")
    private int retentionHours;

    @Column(name = "max_message_bytes")
    private int maxMessageBytes;

    @Column(name = "created_at")
    private Instant createdAt = Instant.EPOCH;

    @Column(name = "updated_at")
    private Instant updatedAt = Instant.EPOCH;

    @Version
    private long version;

    private boolean system;

    protected Instance() {}

    Instance(String id, String name, @Nullable String description, String clusterId, InstanceTier tier,
            InstanceQuotas quotas, Instant now) {
        this.id = id;
        this.name = name;
        this.description = description;
        this.clusterId = clusterId;
        this.tier = tier;
        this.createdAt = now;
        apply(quotas, now);
    }

    /** Marks the instance as the system's own, hidden from tenants. */
    void reserveForSystem() {
        this.system = true;
    }

    void rename(String newName, Instant now) {
        this.name = newName;
        this.updatedAt = now;
    }

    void describe(@Nullable String newDescription, Instant now) {
        this.description = newDescription;
        this.updatedAt = now;
    }

    /** Applies complete quotas (every field set). */
    void apply(InstanceQuotas quotas, Instant now) {
        this.maxTopics = quotas.maxTopics();
        this.maxGroups = quotas.maxGroups();
        this.retentionHours = quotas.retentionHours();
        this.maxMessageBytes = quotas.maxMessageBytes();
        this.updatedAt = now;
    }

    String id() {
        return id;
    }

    String clusterId() {
        return clusterId;
    }

    long version() {
        return version;
    }

    InstanceQuotas quotas() {
        return new InstanceQuotas(maxTopics, maxGroups, retentionHours, maxMessageBytes);
    }

    InstanceView toView() {
        return new InstanceView(id, name, description, clusterId, tier, quotas(), createdAt, updatedAt, version);
    }
}
