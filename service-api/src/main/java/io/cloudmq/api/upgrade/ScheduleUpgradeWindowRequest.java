package io.cloudmq.api.upgrade;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * Body of {@code POST /api/v1/clusters/{id}/upgrade-windows}.
 *
 * @param startsAt RFC 3339 start, in the future
 * @param duration ISO-8601 duration between 15 minutes and 24 hours
 * @param targetVersion node version to upgrade to
 * @param observedProducerGroups producer groups whose failed sends the window's report counts (optional)
 */
public record ScheduleUpgradeWindowRequest(
        @NotNull OffsetDateTime startsAt,
        @NotNull Duration duration,
        @NotBlank @Pattern(regexp = "^[A-Za-z0-9._+-]{1,64}$") String targetVersion,
        @Size(max = ObservedProducerGroups.MAX) List<@Valid ObservedProducerGroup> observedProducerGroups) {

    public ScheduleUpgradeWindowRequest {
        observedProducerGroups = ObservedProducerGroups.copy(observedProducerGroups);
    }

    /** A request that registers no producer group. */
    public ScheduleUpgradeWindowRequest(OffsetDateTime startsAt, Duration duration, String targetVersion) {
        this(startsAt, duration, targetVersion, List.of());
    }
}
