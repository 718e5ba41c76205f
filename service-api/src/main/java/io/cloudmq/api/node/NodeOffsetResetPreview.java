package io.cloudmq.api.node;

import io.cloudmq.api.consumergroup.OffsetResetTarget;
import org.jspecify.annotations.Nullable;

/**
 * Body of {@code POST /admin/v1/offset-resets/preview}: what a reset of {@code group} would do on this broker.
 *
 * @param group wire name of the consumer group
 * @param target where the offsets go
 * @param timestamp epoch milliseconds, required for {@link OffsetResetTarget#TIMESTAMP}
 */
public record NodeOffsetResetPreview(String group, OffsetResetTarget target, @Nullable Long timestamp) {}
