package io.cloudmq.api.instance;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * Body of {@code PATCH /api/v1/instances/{id}}; {@code null} fields keep their value. Send {@code If-Match}
 * with the instance's {@code ETag} to update only the version you read.
 *
 * @param name new display name
 * @param description new description
 * @param quotas quota changes; a quota below the current usage is refused with {@code quota-exceeded}
 */
public record UpdateInstanceRequest(
        @Nullable @Size(min = 1, max = 64) @Pattern(regexp = ".*\\S.*") String name,
        @Nullable @Size(max = 256) String description,
        @Nullable @Valid InstanceQuotas quotas) {}
