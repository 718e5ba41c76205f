package io.cloudmq.controlplane.reconcile;

import io.cloudmq.controlplane.node.DesiredStatePush;
import io.cloudmq.controlplane.node.DesiredStatePushStatus;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Row of {@code node_reconciliations}: the outcome of the latest desired-state push to one node. Not
 * thread-safe; lives in one transaction.
 */
@Entity
@Table(name = "node_reconciliations")
class NodeReconciliation {
    private static final int MAX_ERROR_LENGTH = 1000;

    @EmbeddedId
    private NodeReconciliationKey key = new NodeReconciliationKey("", "");

    private long pushedGeneration;
    private @Nullable Long appliedGeneration;
    private @Nullable String lastError;
    private int failedAttempts;
    private Instant lastAttemptAt = Instant.EPOCH;
    private @Nullable Instant appliedAt;

    protected NodeReconciliation() {}

    NodeReconciliation(NodeReconciliationKey key) {
        this.key = key;
    }

    /**
     * Records a push of {@code generation}. An answer naming another generation is a failure: the node
     * serves a newer state than the control plane knows (its database was reset) and ignores ours.
     */
    void record(long generation, DesiredStatePush push, Instant now) {
        pushedGeneration = generation;
        lastAttemptAt = now;
        if (push.status() == DesiredStatePushStatus.APPLIED && push.appliedGeneration() == generation) {
            appliedGeneration = generation;
            appliedAt = now;
            lastError = null;
            failedAttempts = 0;
            return;
        }
        String error = push.status() == DesiredStatePushStatus.APPLIED
                ? "node serves generation " + push.appliedGeneration() + ", not the pushed " + generation
                : push.status() + ": " + push.error();
        lastError = error.length() <= MAX_ERROR_LENGTH ? error : error.substring(0, MAX_ERROR_LENGTH);
        failedAttempts++;
    }

    String nodeId() {
        return key.nodeId();
    }

    @Nullable Long appliedGeneration() {
        return appliedGeneration;
    }

    @Nullable String lastError() {
        return lastError;
    }

    int failedAttempts() {
        return failedAttempts;
    }

    Instant lastAttemptAt() {
        return lastAttemptAt;
    }
}
