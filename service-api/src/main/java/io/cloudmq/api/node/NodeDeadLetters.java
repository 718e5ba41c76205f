package io.cloudmq.api.node;

import java.util.List;

/**
 * Answer of {@code POST /admin/v1/dead-letters/list}.
 *
 * @param brokerName the broker group answering
 * @param letters the letters read, in queue order
 */
public record NodeDeadLetters(String brokerName, List<NodeDeadLetter> letters) {
    public NodeDeadLetters {
        letters = List.copyOf(letters);
    }
}
