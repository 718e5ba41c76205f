package io.cloudmq.controlplane.upgrade;

import io.cloudmq.api.upgrade.CanaryReportView;
import java.time.Instant;
import java.util.Optional;

/**
 * The canary's figures an upgrade report shows (implemented by the canary feature, which depends on this
 * package, not the other way round). Implementations are thread-safe.
 */
public interface CanaryFigures {

    /**
     * The canary of {@code clusterId} over a window: counts over {@code [duringFrom, duringTo)}, the p99 send
     * latency over {@code [beforeFrom, duringFrom)} and over the window; empty if the cluster's canary was
     * never provisioned.
     */
    Optional<CanaryReportView> over(String clusterId, Instant beforeFrom, Instant duringFrom, Instant duringTo);
}
