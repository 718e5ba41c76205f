package io.cloudmq.api.instance;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.jspecify.annotations.Nullable;

/**
 * Limits of an instance. In a request every field is optional: a missing one keeps its current value
 * (update) or takes the tier's default (create). In a view every field is set.
 *
 * @param maxTopics most topics the instance may hold
 * @param maxGroups most consumer groups the instance may hold
 * @param retentionHours how long messages are kept; at most the cluster's maximum
 * @param maxMessageBytes largest message body accepted, at most 4 MiB
 */
public record InstanceQuotas(
        @Nullable @Min(1) @Max(10_000) Integer maxTopics,
        @Nullable @Min(1) @Max(10_000) Integer maxGroups,
        @Nullable @Min(1) Integer retentionHours,
        @Nullable @Min(1) @Max(MAX_MESSAGE_BYTES) Integer maxMessageBytes) {
    /** The largest message size any instance may allow: 4 MiB. */
    public static final int MAX_MESSAGE_BYTES = 4 * 1024 * 1024;
}
