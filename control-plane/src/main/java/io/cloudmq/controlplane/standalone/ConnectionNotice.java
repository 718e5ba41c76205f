package io.cloudmq.controlplane.standalone;

import io.cloudmq.api.node.NodeRole;
import io.cloudmq.api.node.NodeState;
import io.cloudmq.api.node.NodeView;
import io.cloudmq.api.reconcile.NodeReconciliationView;
import io.cloudmq.controlplane.cluster.ClusterProperties;
import io.cloudmq.controlplane.node.NodeService;
import io.cloudmq.controlplane.reconcile.NodeReconciliationService;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * At the first start of standalone mode (the cluster hosts no instance): creates the {@link DemoInstance} and,
 * once every local node is UP and serves the desired state holding the demo credential, logs at INFO one block
 * with everything a client needs, for example:
 *
 * <pre>
 * CloudMQ standalone is up. Connect with the official RocketMQ client (README, "Connecting with the RocketMQ
 * client"); the SecretKey is shown only this once:
 * ==========
 *   name servers: 127.0.0.1:9876;127.0.0.1:9877
 *   namespace:    MQ_INST_123456789012_abcd1234 (instance demo, topic orders, consumer group billing)
 *   AccessKey:    &lt;20 characters&gt;
 *   SecretKey:    &lt;40 characters&gt;
 * ==========
 * </pre>
 *
 * This is the one deliberate log line with a SecretKey; standalone mode logs to the console only (no log file
 * unless {@code logging.file.*} is configured). A later start prints nothing. If the process stops before the
 * cluster is up, the notice is lost; create another credential through the API.
 *
 * <p>Runs after the local cluster's nodes are registered and started; the wait runs on its own daemon thread
 * and ends with the notice or when the context closes. Thread-safe.
 */
@Component
@Order(30)
@ConditionalOnExpression(ConnectionNotice.LOCAL_CLUSTER)
class ConnectionNotice implements ApplicationRunner, DisposableBean {
    /** Standalone mode with its local cluster: no external database, {@code cloudmq.standalone.cluster-enabled}. */
    static final String LOCAL_CLUSTER =
            "'${spring.datasource.url:}'.isEmpty() and ${cloudmq.standalone.cluster-enabled:true}";
    private static final Logger log = LoggerFactory.getLogger(ConnectionNotice.class);
    private static final long POLL_MILLIS = 500;

    private final DemoInstance demo;
    private final NodeService nodes;
    private final NodeReconciliationService reconciliation;
    private final String clusterId;
    private final ScheduledExecutorService waiter = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "connection-notice");
        thread.setDaemon(true);
        return thread;
    });

    ConnectionNotice(DemoInstance demo, NodeService nodes, NodeReconciliationService reconciliation,
            ClusterProperties cluster) {
        this.demo = demo;
        this.nodes = nodes;
        this.reconciliation = reconciliation;
        this.clusterId = cluster.id();
    }

    @Override
    public void run(ApplicationArguments args) {
        demo.createIfClusterEmpty(clusterId).ifPresent(access -> {
            long generation = reconciliation.view(clusterId).desiredGeneration();
            waiter.scheduleWithFixedDelay(
                    () -> printWhenServed(access, generation), 0, POLL_MILLIS, TimeUnit.MILLISECONDS);
        });
    }

    @Override
    public void destroy() {
        waiter.shutdownNow();
    }

    private void printWhenServed(DemoAccess access, long generation) {
        try {
            List<NodeView> cluster = nodes.list(clusterId);
            if (cluster.isEmpty() || !cluster.stream().allMatch(node -> node.state() == NodeState.UP)
                    || !servedEverywhere(generation)) {
                return;
            }
            log.info("{}", notice(access, cluster));
            waiter.shutdown();
        } catch (RuntimeException e) {
            log.debug("cluster state not readable yet", e);
        }
    }

    private boolean servedEverywhere(long generation) {
        List<NodeReconciliationView> progress = reconciliation.view(clusterId).nodes();
        return progress.stream().allMatch(node -> node.appliedGeneration() != null
                && node.appliedGeneration() >= generation);
    }

    private static String notice(DemoAccess access, List<NodeView> cluster) {
        String nameServers = cluster.stream()
                .filter(node -> node.role() == NodeRole.NAMESRV)
                .map(NodeView::remotingAddress)
                .collect(Collectors.joining(";"));
        String rule = "=".repeat(100);
        return String.join(System.lineSeparator(),
                "CloudMQ standalone is up. Connect with the official RocketMQ client (README, \"Connecting with the"
                        + " RocketMQ client\"); the SecretKey is shown only this once:",
                rule,
                "  name servers: " + nameServers,
                "  namespace:    " + access.namespace() + " (instance " + DemoInstance.NAME + ", topic "
                        + DemoInstance.TOPIC + ", consumer group " + DemoInstance.GROUP + ")",
                "  AccessKey:    " + access.accessKey(),
                "  SecretKey:    " + access.secretKey(),
                rule);
    }
}
