package io.cloudmq.api.node;

import java.util.List;

/**
 * Answer of {@code POST /admin/v1/transactions/rolled-back/list}.
 *
 * @param brokerName the broker group answering
 * @param halves the halves of the namespace's topics, in queue order (oldest first)
 */
public record NodeRolledBackHalves(String brokerName, List<NodeRolledBackHalf> halves) {
    public NodeRolledBackHalves {
        halves = List.copyOf(halves);
    }
}
