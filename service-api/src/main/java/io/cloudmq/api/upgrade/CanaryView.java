package io.cloudmq.api.upgrade;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Answer of {@code GET /api/v1/clusters/{clusterId}/canary}: the cluster's canary, a producer and a push
 * consumer on a reserved system instance, with its figures since it started.
 *
 * @param instanceId the reserved system instance (hidden from the tenant instance API)
 * @param topic the canary topic
 * @param consumerGroup the canary consumer group
 * @param running whether its producer and consumer run now
 * @param since when the figures started counting (the canary's start on this control-plane replica)
 * @param sent messages the producer tried to send
 * @param acknowledged sends answered {@code SEND_OK}
 * @param failedSends sends that threw or were answered with another status
 * @param received distinct canary messages the consumer received
 * @param duplicated deliveries of a message already received
 * @param lost acknowledged messages not received within the grace period
 * @param sendLatencyP50Millis median send latency of the acknowledged sends, {@code null} before any
 * @param sendLatencyP99Millis 99th percentile of the same, {@code null} before any
 * @param lastError the latest send or client error, {@code null} if none
 */
public record CanaryView(
        String instanceId,
        String topic,
        String consumerGroup,
        boolean running,
        @Nullable Instant since,
        long sent,
        long acknowledged,
        long failedSends,
        long received,
        long duplicated,
        long lost,
        @Nullable Double sendLatencyP50Millis,
        @Nullable Double sendLatencyP99Millis,
        @Nullable String lastError) {}
