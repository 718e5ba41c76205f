package io.cloudmq.api.audit;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One mutating call, accepted or refused.
 *
 * @param id UUIDv7, time-ordered
 * @param keyId API key that made the call, {@code null} when it was not authenticated
 * @param action HTTP method and route template, e.g. {@code POST /api/v1/instances/{instanceId}/topics}
 * @param resource request path, e.g. {@code /api/v1/instances/MQ_INST_123456789012_ab12cd34/topics}
 * @param status HTTP status answered
 * @param outcome how the call ended
 * @param occurredAt when the call finished
 */
public record AuditEventView(
        UUID id,
        @Nullable String keyId,
        String action,
        String resource,
        int status,
        AuditOutcome outcome,
        Instant occurredAt) {}
