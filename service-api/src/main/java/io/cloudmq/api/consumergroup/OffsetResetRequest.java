package io.cloudmq.api.consumergroup;

import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Body of {@code POST /api/v1/instances/{id}/consumer-groups/{group}/offset-resets}.
 *
 * @param target where the group's offsets go
 * @param timestamp the time to go back (or forward) to; required for {@link OffsetResetTarget#TIMESTAMP} only
 * @param dryRun {@code true} to only compute the plan; defaults to {@code false}
 */
public record OffsetResetRequest(@NotNull OffsetResetTarget target, @Nullable Instant timestamp, @Nullable Boolean dryRun) {}
