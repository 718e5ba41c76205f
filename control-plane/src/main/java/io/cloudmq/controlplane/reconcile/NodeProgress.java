package io.cloudmq.controlplane.reconcile;

import org.jspecify.annotations.Nullable;

/**
 * What the reconciler knows a node serves. Immutable.
 *
 * @param nodeId the node
 * @param appliedGeneration the latest generation the node confirmed, {@code null} before the first
 * @param lastError why the latest push failed, {@code null} if it succeeded
 */
record NodeProgress(String nodeId, @Nullable Long appliedGeneration, @Nullable String lastError) {

    /** Whether the node confirmed {@code generation} or a newer one. */
    boolean serves(long generation) {
        return appliedGeneration != null && appliedGeneration >= generation;
    }
}
