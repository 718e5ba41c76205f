package io.cloudmq.api.topic;

import io.cloudmq.api.common.ResourceNames;
import io.cloudmq.api.common.ValidResourceName;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * Body of {@code POST /api/v1/instances/{id}/topics}.
 *
 * @param name topic name, unique in the instance ({@link ResourceNames})
 * @param messageType immutable message type
 * @param permission defaults to {@link TopicPermission#READ_WRITE}
 * @param placement defaults to every broker group of the cluster with 4 queues each
 * @param remark free text
 */
public record CreateTopicRequest(
        @NotNull @ValidResourceName(ResourceNames.Kind.TOPIC) String name,
        @NotNull MessageType messageType,
        @Nullable TopicPermission permission,
        @Nullable @Valid TopicPlacement placement,
        @Nullable @Size(max = 256) String remark) {}
