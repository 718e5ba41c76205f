package io.cloudmq.api.topic;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A topic of an instance.
 *
 * @param instanceId owning instance
 * @param name topic name (on the wire: {@code <instanceId>%<name>})
 * @param messageType message type
 * @param permission permission
 * @param placement broker groups and queues per group
 * @param remark free text
 * @param createdAt creation time
 * @param updatedAt last change
 * @param version optimistic-locking version, also the {@code ETag}
 */
public record TopicView(
        String instanceId,
        String name,
        MessageType messageType,
        TopicPermission permission,
        TopicPlacement placement,
        @Nullable String remark,
        Instant createdAt,
        Instant updatedAt,
        long version) {}
