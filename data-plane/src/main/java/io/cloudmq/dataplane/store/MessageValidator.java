package io.cloudmq.dataplane.store;

import io.cloudmq.dataplane.store.commitlog.IncomingMessage;
import io.cloudmq.dataplane.store.commitlog.RecordCodec;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Checks that messages can be stored in the V1 layout before anything is written.
 *
 * <p>Threading: immutable.
 */
final class MessageValidator {
    private final int maxBodySize;

    MessageValidator(int maxBodySize) {
        this.maxBodySize = maxBodySize;
    }

    /** The rejection status, or {@code null} if every message can be stored as one batch. */
    @Nullable PutStatus check(List<IncomingMessage> messages) {
        if (messages.isEmpty()) {
            return PutStatus.MESSAGE_ILLEGAL;
        }
        IncomingMessage first = messages.get(0);
        int topicBytes = first.topic().getBytes(StandardCharsets.UTF_8).length;
        if (topicBytes == 0 || topicBytes > RecordCodec.MAX_TOPIC_BYTES || first.queueId() < 0) {
            return PutStatus.MESSAGE_ILLEGAL;
        }
        for (IncomingMessage message : messages) {
            if (!message.topic().equals(first.topic()) || message.queueId() != first.queueId()
                    || message.body().length > maxBodySize) {
                return PutStatus.MESSAGE_ILLEGAL;
            }
            if (message.properties().getBytes(StandardCharsets.UTF_8).length > RecordCodec.MAX_PROPERTIES_BYTES) {
                return PutStatus.PROPERTIES_SIZE_EXCEEDED;
            }
        }
        return null;
    }
}
