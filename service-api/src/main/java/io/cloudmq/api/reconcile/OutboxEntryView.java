package io.cloudmq.api.reconcile;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One row of a cluster's reconcile outbox, as {@code GET /api/v1/clusters/{clusterId}/outbox} lists it.
 *
 * @param id position in the outbox (ascending with commit order)
 * @param generation the cluster's desired-state generation the change committed as
 * @param change what changed, e.g. {@code topic MQ_INST_…%orders created}
 * @param state progress of the change
 * @param attempts reconciler passes that did not yet see every node serve the generation
 * @param lastError why the latest attempt fell short, {@code null} if none did
 * @param nextAttemptAt earliest time of the next attempt while {@code PENDING}
 * @param createdAt commit time of the change
 * @param completedAt when the row became {@code DONE} or {@code FAILED}
 */
public record OutboxEntryView(
        long id,
        long generation,
        String change,
        OutboxState state,
        int attempts,
        @Nullable String lastError,
        Instant nextAttemptAt,
        Instant createdAt,
        @Nullable Instant completedAt) {}
