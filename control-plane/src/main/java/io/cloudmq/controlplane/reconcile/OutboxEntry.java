package io.cloudmq.controlplane.reconcile;

import io.cloudmq.api.reconcile.OutboxEntryView;
import io.cloudmq.api.reconcile.OutboxState;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Row of {@code reconcile_outbox}: one committed change and its progress towards the nodes
 * ({@code PENDING → DONE}, or {@code PENDING → FAILED} after the last attempt). Not thread-safe; lives in
 * one transaction.
 */
@Entity
@Table(name = "reconcile_outbox")
class OutboxEntry {
    private static final int MAX_ERROR_LENGTH = 1000;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private @Nullable Long id;

    @Column(name = "cluster_id")
    private String clusterId = "";

    private long generation;

    private String change = "";

    @Enumerated(EnumType.STRING)
    private OutboxState state = OutboxState.PENDING;

    private int attempts;

    @Column(name = "last_error")
    private @Nullable String lastError;

    @Column(name = "next_attempt_at")
    private Instant nextAttemptAt = Instant.EPOCH;

    @Column(name = "created_at")
    private Instant createdAt = Instant.EPOCH;

    @Column(name = "completed_at")
    private @Nullable Instant completedAt;

    protected OutboxEntry() {}

    OutboxEntry(String clusterId, long generation, String change, Instant now) {
        this.clusterId = clusterId;
        this.generation = generation;
        this.change = change;
        this.nextAttemptAt = now;
        this.createdAt = now;
    }

    long id() {
        return id == null ? 0 : id;
    }

    long generation() {
        return generation;
    }

    int attempts() {
        return attempts;
    }

    /** Every node serves this change's generation. */
    void complete(Instant now) {
        state = OutboxState.DONE;
        lastError = null;
        completedAt = now;
    }

    /** An attempt fell short: retry after {@code backoff}, or give up once {@code maxAttempts} are used. */
    void retryLater(String error, Instant now, int maxAttempts, Duration backoff) {
        attempts++;
        lastError = error.length() <= MAX_ERROR_LENGTH ? error : error.substring(0, MAX_ERROR_LENGTH);
        if (attempts >= maxAttempts) {
            state = OutboxState.FAILED;
            completedAt = now;
        } else {
            nextAttemptAt = now.plus(backoff);
        }
    }

    OutboxEntryView toView() {
        return new OutboxEntryView(id(), generation, change, state, attempts, lastError,
                nextAttemptAt, createdAt, completedAt);
    }
}
