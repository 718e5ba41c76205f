package io.cloudmq.controlplane.reconcile;

import io.cloudmq.api.common.PageView;
import io.cloudmq.api.reconcile.OutboxEntryView;
import io.cloudmq.api.reconcile.OutboxState;
import io.cloudmq.controlplane.cluster.ClusterService;
import io.cloudmq.controlplane.instance.InstanceConfigChanged;
import io.cloudmq.controlplane.shared.error.InvalidFieldException;
import io.cloudmq.controlplane.shared.web.PageCursor;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.context.event.EventListener;
import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The reconcile outbox: written in the transaction of every change, settled by the reconciler after each
 * attempt. Thread-safe (stateless; every method is one transaction).
 */
@Service
class OutboxService {
    private final OutboxRepository outbox;
    private final GenerationCounter generations;
    private final ClusterService clusters;
    private final ReconcileProperties properties;
    private final Clock clock;

    OutboxService(OutboxRepository outbox, GenerationCounter generations, ClusterService clusters,
            ReconcileProperties properties, Clock clock) {
        this.outbox = outbox;
        this.generations = generations;
        this.clusters = clusters;
        this.properties = properties;
        this.clock = clock;
    }

    /** Bumps the cluster's generation and adds a {@code PENDING} row, inside the changing transaction. */
    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    void record(InstanceConfigChanged event) {
        long generation = generations.next(event.clusterId());
        outbox.save(new OutboxEntry(
                event.clusterId(), generation, event.instanceId() + ": " + event.change(), clock.instant()));
    }

    /** Clusters with a {@code PENDING} row due at {@code now}. */
    @Transactional(readOnly = true)
    List<String> clustersWithDueEntries(Instant now) {
        return outbox.findClustersWithDueEntries(now);
    }

    /**
     * After an attempt that pushed {@code generation}: each due row up to it becomes {@code DONE} if every
     * node of {@code nodeIds} serves the row's generation, else it is retried later with back-off (or
     * {@code FAILED} after the last attempt), naming the nodes behind.
     */
    @Transactional
    void settle(String clusterId, long generation, List<String> nodeIds, Map<String, NodeProgress> progress,
            Instant now) {
        for (OutboxEntry entry : outbox.findDue(clusterId, now, generation)) {
            List<String> behind = nodeIds.stream()
                    .filter(nodeId -> !servesEntry(progress.get(nodeId), entry))
                    .map(nodeId -> describe(nodeId, progress.get(nodeId)))
                    .toList();
            if (behind.isEmpty()) {
                entry.complete(now);
            } else {
                entry.retryLater("not yet served by " + String.join("; ", behind), now, properties.maxAttempts(),
                        properties.backoffAfter(entry.attempts() + 1));
            }
        }
    }

    /** A page of the cluster's rows, newest first, optionally of one state; 404 for an unknown cluster. */
    @Transactional(readOnly = true)
    PageView<OutboxEntryView> page(String clusterId, @Nullable OutboxState state, PageCursor cursor) {
        clusters.get(clusterId);
        Set<OutboxState> states = state == null ? EnumSet.allOf(OutboxState.class) : EnumSet.of(state);
        Limit limit = Limit.of(cursor.fetchSize());
        List<OutboxEntry> rows = cursor.after() == null
                ? outbox.findByClusterIdAndStateInOrderByIdDesc(clusterId, states, limit)
                : outbox.findByClusterIdAndStateInAndIdLessThanOrderByIdDesc(
                        clusterId, states, parseId(cursor.after()), limit);
        return cursor.page(rows, row -> Long.toString(row.id()), OutboxEntry::toView);
    }

    private static boolean servesEntry(@Nullable NodeProgress node, OutboxEntry entry) {
        return node != null && node.serves(entry.generation());
    }

    private static String describe(String nodeId, @Nullable NodeProgress node) {
        if (node == null) {
            return nodeId + " (never pushed)";
        }
        return nodeId + (node.lastError() != null ? " (" + node.lastError() + ")"
                : " (serves generation " + node.appliedGeneration() + ")");
    }

    private static long parseId(String after) {
        try {
            return Long.parseLong(after);
        } catch (NumberFormatException e) {
            throw new InvalidFieldException("pageToken", "is not a token this API issued");
        }
    }
}
