package io.cloudmq.api.node.read;

import java.util.List;
import java.util.Map;

/**
 * Answer of {@code GET /admin/v1/upgrade-readiness}: what the upgrade pre-check needs to know from one broker.
 *
 * @param brokerName the broker group of the answering node
 * @param diskUsedRatio used fraction (0.0 to 1.0) of the disk holding the broker's store
 * @param writeQueues the write-queue count of every topic the broker serves, by wire name
 * @param clients every producer and consumer connection whose latest heartbeat arrived within the last two
 *     client heartbeat intervals, one entry per connection
 */
public record NodeUpgradeReadiness(
        String brokerName, double diskUsedRatio, Map<String, Integer> writeQueues, List<NodeClient> clients) {

    public NodeUpgradeReadiness {
        writeQueues = Map.copyOf(writeQueues);
        clients = List.copyOf(clients);
    }
}
