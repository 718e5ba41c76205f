package io.cloudmq.api.topic;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * Body of {@code PATCH /api/v1/instances/{id}/topics/{name}}; {@code null} fields keep their value. The
 * message type is immutable: sending a different one is a validation error.
 *
 * @param messageType must equal the topic's type if present
 * @param permission new permission
 * @param queuesPerGroup new queue count per group; may only grow, and never for FIFO topics
 * @param remark new remark
 */
public record UpdateTopicRequest(
        @Nullable MessageType messageType,
        @Nullable TopicPermission permission,
        @Nullable @Min(1) @Max(64) Integer queuesPerGroup,
        @Nullable @Size(max = 256) String remark) {}
