package io.cloudmq.api.upgrade;

import org.jspecify.annotations.Nullable;

/**
 * The canary's figures over an upgrade window ({@link UpgradeReportView#canary()}): counted from the start
 * to the end of the window (or now), at the resolution of the canary's time series.
 *
 * @param instanceId the canary's system instance
 * @param topic the canary topic
 * @param sent sends tried during the window
 * @param acknowledged sends answered {@code SEND_OK}
 * @param failedSends sends that threw or were answered with another status
 * @param received distinct canary messages received
 * @param duplicated deliveries of a message already received
 * @param lost acknowledged messages not received within the grace period
 * @param sendLatencyP99BeforeMillis p99 send latency before the window ({@link UpgradeReportView}), null without data
 * @param sendLatencyP99DuringMillis p99 send latency during the window, null without data
 */
public record CanaryReportView(
        String instanceId,
        String topic,
        long sent,
        long acknowledged,
        long failedSends,
        long received,
        long duplicated,
        long lost,
        @Nullable Double sendLatencyP99BeforeMillis,
        @Nullable Double sendLatencyP99DuringMillis) {}
