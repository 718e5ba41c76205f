package io.cloudmq.controlplane.canary;

import io.cloudmq.api.upgrade.CanaryReportView;
import io.cloudmq.api.upgrade.CanaryView;
import io.cloudmq.controlplane.cluster.ClusterService;
import io.cloudmq.controlplane.shared.error.ResourceNotFoundException;
import io.cloudmq.controlplane.upgrade.CanaryFigures;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * The canary's figures: for the API ({@link CanaryView}: counts since the run started, latency percentiles
 * over the retained 24 hours, live from the replica running the canary; another replica shows the provisioned
 * canary as not running, with zero figures) and for upgrade reports ({@link CanaryFigures}: counts of the
 * messages sent during the window, p99 before and during, from the stored buckets, so on any replica and after
 * the canary moved to another one). Thread-safe.
 */
@Service
class CanaryService implements CanaryFigures {
    private final CanaryProbes probes;
    private final CanaryProvisioner provisioner;
    private final CanaryBuckets buckets;
    private final ClusterService clusters;
    private final Clock clock;

    CanaryService(CanaryProbes probes, CanaryProvisioner provisioner, CanaryBuckets buckets, ClusterService clusters,
            Clock clock) {
        this.probes = probes;
        this.provisioner = provisioner;
        this.buckets = buckets;
        this.clusters = clusters;
        this.clock = clock;
    }

    /** The cluster's canary; 404 for an unknown cluster or one whose canary was never provisioned. */
    CanaryView view(String clusterId) {
        clusters.get(clusterId);
        Optional<CanaryProbe> running = probes.of(clusterId);
        if (running.isEmpty()) {
            String instanceId = provisioner.instanceOf(clusterId)
                    .orElseThrow(() -> ResourceNotFoundException.of("canary of cluster", clusterId));
            return new CanaryView(instanceId, CanaryProvisioner.TOPIC, CanaryProvisioner.CONSUMER_GROUP, false, null,
                    0, 0, 0, 0, 0, 0, null, null, null);
        }
        CanaryProbe probe = running.get();
        CanaryLedger ledger = probe.ledger();
        CanaryTotals counts = ledger.overall();
        CanaryTotals recent = ledger.retained(clock.instant());
        return new CanaryView(probe.instanceId(), CanaryProvisioner.TOPIC, CanaryProvisioner.CONSUMER_GROUP,
                probe.since() != null, probe.since(), counts.sent(), counts.acknowledged(), counts.failed(),
                counts.received(), counts.duplicated(), counts.lost(), recent.latencyQuantile(0.5),
                recent.latencyQuantile(0.99), ledger.lastError());
    }

    @Override
    public Optional<CanaryReportView> over(String clusterId, Instant beforeFrom, Instant duringFrom,
            Instant duringTo) {
        return provisioner.instanceOf(clusterId).map(instanceId -> {
            CanaryTotals during = buckets.between(clusterId, duringFrom, duringTo);
            CanaryTotals before = buckets.between(clusterId, beforeFrom, duringFrom);
            return new CanaryReportView(instanceId, CanaryProvisioner.TOPIC, during.sent(),
                    during.acknowledged(), during.failed(), during.received(), during.duplicated(), during.lost(),
                    before.latencyQuantile(0.99), during.latencyQuantile(0.99));
        });
    }
}
