package io.cloudmq.controlplane.audit;

import io.cloudmq.api.audit.AuditEventView;
import io.cloudmq.api.audit.AuditOutcome;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** Row of {@code audit_events}; append-only. */
@Entity
@Table(name = "audit_events")
class AuditEvent {
    @Id
    private UUID id = new UUID(0, 0);

    @Column(name = "key_id")
    private @Nullable String keyId;

    private String action = "";

    private String resource = "";

    private int status;

    @Enumerated(EnumType.STRING)
    private AuditOutcome outcome = AuditOutcome.SUCCEEDED;

    @Column(name = "occurred_at")
    private Instant occurredAt = Instant.EPOCH;

    protected AuditEvent() {}

    AuditEvent(UUID id, @Nullable String keyId, String action, String resource, int status, Instant occurredAt) {
        this.id = id;
        this.keyId = keyId;
        this.action = action;
        this.resource = resource;
        this.status = status;
        this.outcome = AuditOutcome.ofStatus(status);
        this.occurredAt = occurredAt;
    }

    UUID id() {
        return id;
    }

    AuditEventView toView() {
        return new AuditEventView(id, keyId, action, resource, status, outcome, occurredAt);
    }
}
