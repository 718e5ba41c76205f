package io.cloudmq.api.upgrade;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * An upgrade window of a cluster.
 *
 * @param id UUIDv7
 * @param cluster the cluster upgraded
 * @param state current state
 * @param startsAt planned (or, once started early, actual) start
 * @param duration length of the window
 * @param endsAt {@code startsAt + duration}: the expected end while the window locks
 * @param targetVersion node version to upgrade to
 * @param startedAt when it left {@code SCHEDULED}
 * @param finishedAt when it reached a terminal state
 * @param version optimistic-locking version, also the {@code ETag}
 * @param observedProducerGroups producer groups whose failed sends the window's report counts
 */
public record UpgradeWindowView(
        UUID id,
        String cluster,
        UpgradeWindowState state,
        Instant startsAt,
        Duration duration,
        Instant endsAt,
        String targetVersion,
        @Nullable Instant startedAt,
        @Nullable Instant finishedAt,
        long version,
        List<ObservedProducerGroup> observedProducerGroups) {

    public UpgradeWindowView {
        observedProducerGroups = ObservedProducerGroups.copy(observedProducerGroups);
    }
}
