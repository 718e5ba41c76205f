package io.cloudmq.api.node.read;

import java.util.List;

/**
 * Answer of {@code GET /admin/v1/groups/{wireGroup}/clients}: the consumers of a group connected to one broker.
 *
 * @param group wire group name
 * @param brokerName the broker group of the answering node
 * @param clients one entry per connection, in join order
 */
public record NodeGroupClients(String group, String brokerName, List<NodeClient> clients) {
    public NodeGroupClients {
        clients = List.copyOf(clients);
    }
}
