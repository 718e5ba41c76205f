package io.cloudmq.api.consumergroup;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * Body of {@code PATCH /api/v1/instances/{id}/consumer-groups/{name}}; {@code null} fields keep their value.
 *
 * @param deliveryOrder new delivery order
 * @param consumptionMode new consumption mode
 * @param maxRetries new retry maximum, 0–32
 * @param remark new remark
 */
public record UpdateConsumerGroupRequest(
        @Nullable DeliveryOrder deliveryOrder,
        @Nullable ConsumptionMode consumptionMode,
        @Nullable @Min(0) @Max(32) Integer maxRetries,
        @Nullable @Size(max = 256) String remark) {}
