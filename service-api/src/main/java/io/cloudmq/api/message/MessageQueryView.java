package io.cloudmq.api.message;

import java.util.List;

/**
 * Answer of {@code GET /api/v1/instances/{id}/messages?messageId=…} or {@code ?topic=…&key=…}.
 *
 * @param messages the messages found, newest first
 */
public record MessageQueryView(List<MessageView> messages) {
    public MessageQueryView {
        messages = List.copyOf(messages);
    }
}
