package io.cloudmq.controlplane.reconcile;

import io.cloudmq.api.cluster.ClusterView;
import io.cloudmq.api.node.DesiredState;
import io.cloudmq.api.node.NodeHealthView;
import io.cloudmq.api.node.NodeView;
import io.cloudmq.controlplane.cluster.ClusterService;
import io.cloudmq.controlplane.node.DesiredStatePush;
import io.cloudmq.controlplane.node.DesiredStatePushStatus;
import io.cloudmq.controlplane.node.NodeAdminClient;
import io.cloudmq.controlplane.node.NodeService;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Brings nodes to their desired state. Two passes, both outside any database transaction (each read and
 * each write below is its own short transaction; the node calls happen between them):
 * <ol>
 *   <li>{@link #reconcileOutbox}: for every cluster with due outbox rows, read one snapshot, push each node
 *       that does not yet serve its generation, record the outcomes, then settle the rows.</li>
 *   <li>{@link #repairDrift}: ask every node which generation it serves (health) and push the full state to
 *       those serving another one — a node that restarted empty (0) or missed a change.</li>
 * </ol>
 * Pushes to the nodes of a cluster run in parallel. Called by one thread at a time (the leader's loop, or a
 * test); not meant for concurrent passes.
 */
@Component
class Reconciler implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Reconciler.class);
    private static final int PUSH_THREADS = 8;

    private final OutboxService outbox;
    private final NodeReconciliationService records;
    private final ClusterSnapshotReader snapshots;
    private final GenerationCounter generations;
    private final ClusterService clusters;
    private final NodeService nodes;
    private final NodeAdminClient admin;
    private final ExecutorService calls = Executors.newFixedThreadPool(PUSH_THREADS, runnable -> {
        Thread thread = new Thread(runnable, "reconcile-push");
        thread.setDaemon(true);
        return thread;
    });

    Reconciler(OutboxService outbox, NodeReconciliationService records, ClusterSnapshotReader snapshots,
            GenerationCounter generations, ClusterService clusters, NodeService nodes, NodeAdminClient admin) {
        this.outbox = outbox;
        this.records = records;
        this.snapshots = snapshots;
        this.generations = generations;
        this.clusters = clusters;
        this.nodes = nodes;
        this.admin = admin;
    }

    /** Applies every outbox row due at {@code now}. */
    void reconcileOutbox(Instant now) {
        for (String clusterId : outbox.clustersWithDueEntries(now)) {
            ClusterSnapshot snapshot = snapshots.read(clusterId);
            List<NodeView> members = nodes.list(clusterId);
            Map<String, NodeProgress> before = records.progress(clusterId);
            push(snapshot, members.stream()
                    .filter(node -> !servesGeneration(before.get(node.nodeId()), snapshot.generation()))
                    .toList(), now);
            outbox.settle(clusterId, snapshot.generation(), members.stream().map(NodeView::nodeId).toList(),
                    records.progress(clusterId), now);
        }
    }

    /** Pushes the full state to every reachable node that serves another generation than the desired one. */
    void repairDrift(Instant now) {
        for (ClusterView cluster : clusters.list()) {
            List<NodeView> members = nodes.list(cluster.id());
            if (members.isEmpty()) {
                continue;
            }
            long desired = generations.current(cluster.id());
            Map<NodeView, Optional<NodeHealthView>> health = inParallel(members, node -> admin.health(node.adminUrl()));
            List<NodeView> drifted = members.stream()
                    .filter(node -> health.get(node).map(h -> h.appliedGeneration() != desired).orElse(false))
                    .toList();
            if (!drifted.isEmpty()) {
                log.info("Nodes {} of cluster {} do not serve generation {}; pushing the full state",
                        drifted.stream().map(NodeView::nodeId).toList(), cluster.id(), desired);
                push(snapshots.read(cluster.id()), drifted, now);
            }
        }
    }

    private void push(ClusterSnapshot snapshot, List<NodeView> targets, Instant now) {
        if (targets.isEmpty()) {
            return;
        }
        Map<NodeView, DesiredStatePush> results = inParallel(targets, node -> {
            DesiredState state = DesiredStatePlanner.forNode(snapshot, node.role(), node.brokerName());
            return admin.pushDesiredState(node.adminUrl(), state);
        });
        results.forEach((node, result) -> {
            if (result.status() == DesiredStatePushStatus.APPLIED) {
                log.debug("Node {} serves generation {}", node.nodeId(), result.appliedGeneration());
            } else {
                log.warn("Push of generation {} to node {} failed: {}", snapshot.generation(), node.nodeId(),
                        result.error());
            }
        });
        records.record(snapshot.clusterId(), snapshot.generation(), results.entrySet().stream()
                .collect(Collectors.toMap(entry -> entry.getKey().nodeId(), Map.Entry::getValue)), now);
    }

    private <R> Map<NodeView, R> inParallel(List<NodeView> targets, Function<NodeView, R> call) {
        Map<NodeView, CompletableFuture<R>> pending = targets.stream().collect(Collectors.toMap(
                Function.identity(), node -> CompletableFuture.supplyAsync(() -> call.apply(node), calls)));
        return pending.entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, entry -> entry.getValue().join()));
    }

    private static boolean servesGeneration(@Nullable NodeProgress progress, long generation) {
        return progress != null && progress.lastError() == null && progress.serves(generation);
    }

    @Override
    public void close() {
        calls.shutdownNow();
    }
}
