package io.cloudmq.api.upgrade;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * Body of {@code PATCH /api/v1/clusters/{id}/upgrade-windows/{windowId}}; only a {@code SCHEDULED}
 * window can be moved.
 *
 * @param startsAt new RFC 3339 start, in the future
 * @param duration new ISO-8601 duration between 15 minutes and 24 hours
 * @param observedProducerGroups the producer groups the report counts from now on (absent: none)
 */
public record RescheduleUpgradeWindowRequest(
        @NotNull OffsetDateTime startsAt,
        @NotNull Duration duration,
        @Size(max = ObservedProducerGroups.MAX) List<@Valid ObservedProducerGroup> observedProducerGroups) {

    public RescheduleUpgradeWindowRequest {
        observedProducerGroups = ObservedProducerGroups.copy(observedProducerGroups);
    }

    /** A request that registers no producer group. */
    public RescheduleUpgradeWindowRequest(OffsetDateTime startsAt, Duration duration) {
        this(startsAt, duration, List.of());
    }
}
