package io.cloudmq.api.instance;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * Body of {@code POST /api/v1/instances}.
 *
 * @param name display name
 * @param description free text
 * @param cluster the cluster hosting the instance ({@code local} in standalone mode)
 * @param tier selects the default quotas
 * @param quotas overrides of the tier's defaults
 */
public record CreateInstanceRequest(
        @NotBlank @Size(max = 64) String name,
        @Nullable @Size(max = 256) String description,
        @NotNull @Pattern(regexp = "^[a-z0-9-]{1,32}$") String cluster,
        @NotNull InstanceTier tier,
        @Nullable @Valid InstanceQuotas quotas) {}
