package io.cloudmq.api.consumergroup;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A consumer group of an instance.
 *
 * @param instanceId owning instance
 * @param name group name (on the wire: {@code <instanceId>%<name>})
 * @param deliveryOrder delivery order
 * @param consumptionMode consumption mode
 * @param maxRetries retries before the dead-letter queue
 * @param remark free text
 * @param createdAt creation time
 * @param updatedAt last change
 * @param version optimistic-locking version, also the {@code ETag}
 */
public record ConsumerGroupView(
        String instanceId,
        String name,
        DeliveryOrder deliveryOrder,
        ConsumptionMode consumptionMode,
        int maxRetries,
        @Nullable String remark,
        Instant createdAt,
        Instant updatedAt,
        long version) {}
