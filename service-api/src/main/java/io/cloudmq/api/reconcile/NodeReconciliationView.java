package io.cloudmq.api.reconcile;

import io.cloudmq.api.node.NodeRole;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Desired and applied state of one node.
 *
 * @param nodeId stable node name
 * @param role what the process does
 * @param brokerName broker group, {@code null} for a name server
 * @param desiredGeneration the cluster's current desired-state generation, which the node should serve
 * @param appliedGeneration the generation the node answered it serves after the latest successful push,
 *     {@code null} before the first one
 * @param lastError why the latest push failed, {@code null} if it succeeded
 * @param failedAttempts pushes that failed in a row
 * @param lastAttemptAt time of the latest push, {@code null} before the first one
 */
public record NodeReconciliationView(
        String nodeId,
        NodeRole role,
        @Nullable String brokerName,
        long desiredGeneration,
        @Nullable Long appliedGeneration,
        @Nullable String lastError,
        int failedAttempts,
        @Nullable Instant lastAttemptAt) {

    /** Whether the node serves the desired generation. */
    public boolean inSync() {
        return appliedGeneration != null && appliedGeneration == desiredGeneration;
    }
}
