package io.cloudmq.api.consumergroup;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A reset of a consumer group's offsets, planned (dry run) or applied.
 *
 * @param id reset id, {@code null} for a dry run
 * @param group consumer group name
 * @param target where the offsets went
 * @param timestamp the time for {@link OffsetResetTarget#TIMESTAMP}, else {@code null}
 * @param dryRun whether nothing was changed
 * @param createdAt when the reset was planned or applied
 * @param undoneAt when it was undone, {@code null} if not
 * @param queues every queue of the group's topics, ordered by topic, broker group and queue id
 * @param totalSkipped sum of {@link QueueOffsetResetView#skipped()}
 * @param totalRedelivered sum of {@link QueueOffsetResetView#redelivered()}
 */
public record OffsetResetView(
        @Nullable String id,
        String group,
        OffsetResetTarget target,
        @Nullable Instant timestamp,
        boolean dryRun,
        Instant createdAt,
        @Nullable Instant undoneAt,
        List<QueueOffsetResetView> queues,
        long totalSkipped,
        long totalRedelivered) {
    public OffsetResetView {
        queues = List.copyOf(queues);
    }
}
