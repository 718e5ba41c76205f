package io.cloudmq.api.upgrade;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * A tenant producer group registered with an upgrade window: its report counts the group's failed sends.
 *
 * @param instanceId the instance the group sends in
 * @param producerGroup the group's name as the client sets it (without the instance namespace)
 */
public record ObservedProducerGroup(@NotBlank @Size(max = 64) String instanceId,
        @NotBlank @Size(max = 255) String producerGroup) {}
