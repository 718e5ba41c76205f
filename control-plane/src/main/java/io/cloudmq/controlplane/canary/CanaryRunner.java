package io.cloudmq.controlplane.canary;

import io.cloudmq.api.cluster.ClusterView;
import io.cloudmq.api.node.NodeRole;
import io.cloudmq.api.node.NodeState;
import io.cloudmq.api.node.NodeView;
import io.cloudmq.controlplane.cluster.ClusterService;
import io.cloudmq.controlplane.node.NodeService;
import io.cloudmq.controlplane.shared.error.DomainException;
import io.cloudmq.controlplane.shared.leadership.SingletonGuard;
import io.cloudmq.controlplane.shared.scheduling.FixedDelayLoop;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.rocketmq.client.exception.MQClientException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Starts a {@link CanaryProbe} for every cluster that can carry one — registered brokers and name servers
 * UP — on the replica holding the {@value #SINGLETON} lock, and stops them when it loses the lock or shuts
 * down. A canary is never stopped because nodes go down (that is what it measures). Nothing here can fail the
 * application's start: every check runs later on its own thread, and a failed one is retried at the next.
 * Each check (and the stop) stores the running canaries' changed buckets ({@link CanaryBuckets}).
 *
 * <p>Only where {@code cloudmq.canary.enabled} is not false. Thread-safe: one thread runs the checks.
 */
@Component
@ConditionalOnBooleanProperty(name = "cloudmq.canary.enabled", matchIfMissing = true)
class CanaryRunner implements SmartLifecycle {
    static final String SINGLETON = "canary";
    private static final Logger log = LoggerFactory.getLogger(CanaryRunner.class);

    private final ClusterService clusters;
    private final NodeService nodes;
    private final CanaryProvisioner provisioner;
    private final CanaryProbes probes;
    private final CanaryBuckets buckets;
    private final SingletonGuard guard;
    private final CanaryProperties properties;
    private final Clock clock;
    private final FixedDelayLoop loop;

    CanaryRunner(ClusterService clusters, NodeService nodes, CanaryProvisioner provisioner, CanaryProbes probes,
            CanaryBuckets buckets, SingletonGuard guard, CanaryProperties properties, Clock clock) {
        this.clusters = clusters;
        this.nodes = nodes;
        this.provisioner = provisioner;
        this.probes = probes;
        this.buckets = buckets;
        this.guard = guard;
        this.properties = properties;
        this.clock = clock;
        this.loop = new FixedDelayLoop("canary-runner", properties.checkInterval(), this::check);
    }

    @Override
    public void start() {
        loop.start();
    }

    @Override
    public void stop() {
        loop.stop();
        probes.removeAll().forEach(this::stopAndStore);
    }

    @Override
    public boolean isRunning() {
        return loop.isRunning();
    }

    private void check() {
        try {
            if (!guard.isLeader(SINGLETON)) {
                probes.removeAll().forEach(this::stopAndStore);
                return;
            }
            probes.all().forEach(this::store);
            for (ClusterView cluster : clusters.list()) {
                if (probes.of(cluster.id()).isEmpty()) {
                    startIfReady(cluster.id());
                }
            }
        } catch (RuntimeException e) {
            log.warn("Canary check failed; retrying at the next one", e);
        }
    }

    private void stopAndStore(CanaryProbe probe) {
        probe.stop();
        store(probe);
    }

    private void store(CanaryProbe probe) {
        CanaryLedger ledger = probe.ledger();
        Map<Instant, CanaryTotals> changed = ledger.takeChangedBuckets();
        try {
            buckets.save(probe.clusterId(), ledger.runId(), changed);
        } catch (RuntimeException e) {
            ledger.markChanged(changed.keySet());
            log.warn("Canary figures of cluster {} not stored; retrying at the next check: {}", probe.clusterId(),
                    e.toString());
        }
    }

    private void startIfReady(String clusterId) {
        List<NodeView> registered = nodes.list(clusterId);
        String nameServers = registered.stream()
                .filter(node -> node.role() == NodeRole.NAMESRV && node.state() == NodeState.UP)
                .map(NodeView::remotingAddress)
                .collect(Collectors.joining(";"));
        boolean brokersUp = registered.stream()
                .anyMatch(node -> node.role() == NodeRole.BROKER && node.state() == NodeState.UP);
        if (nameServers.isEmpty() || !brokersUp) {
            return;
        }
        CanaryAccess access;
        try {
            access = provisioner.provision(clusterId);
        } catch (DomainException e) {
            log.info("Canary of cluster {} not provisioned yet: {}", clusterId, e.getMessage());
            return;
        }
        String runId = UUID.randomUUID().toString();
        CanaryProbe probe = new CanaryProbe(
                clusterId, access, nameServers, new CanaryLedger(runId, properties.lostAfter()), clock);
        try {
            probe.start(properties.sendPeriod());
            probes.add(clusterId, probe);
        } catch (MQClientException e) {
            probe.stop();
            log.warn("Canary of cluster {} could not start its producer: {}", clusterId, e.getErrorMessage());
        }
    }
}
