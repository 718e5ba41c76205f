package io.cloudmq.api.upgrade;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.time.OffsetDateTime;

/**
 * Body of {@code PATCH /api/v1/clusters/{id}/upgrade-windows/{windowId}}; only a {@code SCHEDULED}
 * window can be moved.
 *
 * @param startsAt new RFC 3339 start, in the future
 * @param duration new ISO-8601 duration between 15 minutes and 24 hours
 */
public record RescheduleUpgradeWindowRequest(@NotNull OffsetDateTime startsAt, @NotNull Duration duration) {}
