package io.cloudmq.api.node.read;

import java.util.List;

/**
 * Answer of {@code GET /admin/v1/messages/{offsetMsgId}} (at most one) and
 * {@code GET /admin/v1/messages?topic=&key=} (newest first).
 *
 * @param messages the messages found on the answering broker
 */
public record NodeMessages(List<NodeMessage> messages) {
    public NodeMessages {
        messages = List.copyOf(messages);
    }
}
