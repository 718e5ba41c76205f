package io.cloudmq.controlplane.upgrade;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Upgrade windows, prefix {@code cloudmq.upgrade}.
 *
 * @param schedulerInterval how often the leader starts due windows and cancels missed ones
 * @param orchestratorInterval how often the orchestrator looks at running windows
 * @param routeRefresh how long clients get to refresh their routes after a master's fence and between two
 *     broker groups; longer than the clients' route poll (RocketMQ's {@code pollNameServerInterval}, 30 s)
 * @param gateTimeout how long a restarted node may take to serve the target version and be in sync before
 *     the window pauses
 * @param preCheckMaxDiskUsedRatio the highest used fraction of a broker's disk the pre-check passes
 * @param preCheckGroupSendCapacity messages per second one broker group is trusted to store (pre-check's
 *     send headroom)
 */
@ConfigurationProperties("cloudmq.upgrade")
public record UpgradeProperties(
        @DefaultValue("5s") Duration schedulerInterval,
        @DefaultValue("1s") Duration orchestratorInterval,
        @DefaultValue("35s") Duration routeRefresh,
        @DefaultValue("5m") Duration gateTimeout,
        @DefaultValue("0.85") double preCheckMaxDiskUsedRatio,
        @DefaultValue("20000") double preCheckGroupSendCapacity) {

    PreCheckLimits preCheckLimits() {
        return new PreCheckLimits(preCheckMaxDiskUsedRatio, preCheckGroupSendCapacity);
    }
}
