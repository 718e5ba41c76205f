package io.cloudmq.api.consumergroup;

import io.cloudmq.api.common.ResourceNames;
import io.cloudmq.api.common.ValidResourceName;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * Body of {@code POST /api/v1/instances/{id}/consumer-groups}.
 *
 * @param name group name, unique in the instance ({@link ResourceNames})
 * @param deliveryOrder defaults to {@link DeliveryOrder#CONCURRENTLY}
 * @param consumptionMode defaults to {@link ConsumptionMode#CLUSTERING}
 * @param maxRetries 0–32, defaults to {@value #DEFAULT_MAX_RETRIES}
 * @param remark free text
 */
public record CreateConsumerGroupRequest(
        @NotNull @ValidResourceName(ResourceNames.Kind.CONSUMER_GROUP) String name,
        @Nullable DeliveryOrder deliveryOrder,
        @Nullable ConsumptionMode consumptionMode,
        @Nullable @Min(0) @Max(32) Integer maxRetries,
        @Nullable @Size(max = 256) String remark) {
    /** Retries before a message goes to the dead-letter queue when the request names none. */
    public static final int DEFAULT_MAX_RETRIES = 16;
}
