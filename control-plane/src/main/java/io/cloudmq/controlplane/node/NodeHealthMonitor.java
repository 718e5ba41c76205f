package io.cloudmq.controlplane.node;

import io.cloudmq.api.node.NodeRole;
import io.cloudmq.controlplane.cluster.ClusterProperties;
import io.cloudmq.controlplane.shared.leadership.SingletonGuard;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Checks every registered node of the cluster every two seconds, all nodes in parallel, and records UP or
 * a miss (DOWN after {@link Node#MISSES_UNTIL_DOWN} misses in a row); a broker that answered is also asked
 * for its replication figures ({@code GET /admin/v1/replication}), stored with its node. A singleton: runs only on the
 * control-plane replica holding the leadership lock.
 */
@Component
class NodeHealthMonitor implements AutoCloseable {
    private static final int CHECK_THREADS = 8;
    private static final String SINGLETON = "node-health-monitor";

    private final NodeService nodes;
    private final NodeAdminClient admin;
    private final SingletonGuard singletons;
    private final String clusterId;
    private final ExecutorService checks = Executors.newFixedThreadPool(CHECK_THREADS, runnable -> {
        Thread thread = new Thread(runnable, "node-health-check");
        thread.setDaemon(true);
        return thread;
    });

    NodeHealthMonitor(NodeService nodes, NodeAdminClient admin, SingletonGuard singletons, ClusterProperties cluster) {
        this.nodes = nodes;
        this.admin = admin;
        this.singletons = singletons;
        this.clusterId = cluster.id();
    }

    @Scheduled(fixedDelay = 2000)
    void checkAllIfLeader() {
        singletons.runIfLeader(SINGLETON, this::checkAll);
    }

    private void checkAll() {
        List<CompletableFuture<Void>> pending = nodes.nodesOf(clusterId).stream()
                .map(node -> CompletableFuture.runAsync(() -> check(node), checks))
                .toList();
        CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).join();
    }

    private void check(Node node) {
        admin.health(node.adminUrl()).ifPresentOrElse(
                health -> nodes.recordHealthy(node.key(), health,
                        health.role() == NodeRole.BROKER ? admin.replication(node.adminUrl()) : Optional.empty()),
                () -> nodes.recordMissedCheck(node.key()));
    }

    @Override
    public void close() {
        checks.shutdownNow();
    }
}
