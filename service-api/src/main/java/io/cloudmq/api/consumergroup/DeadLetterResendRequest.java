package io.cloudmq.api.consumergroup;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * Body of {@code POST /api/v1/instances/{id}/consumer-groups/{group}/dead-letters/resends}.
 *
 * @param messageIds ids of the dead letters to send again ({@link DeadLetterView#messageId()}), at most 100
 */
public record DeadLetterResendRequest(@NotEmpty @Size(max = 100) List<String> messageIds) {
    public DeadLetterResendRequest {
        messageIds = List.copyOf(messageIds);
    }
}
