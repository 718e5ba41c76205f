package io.cloudmq.api.consumergroup;

import java.util.List;

/**
 * Answer of {@code GET /api/v1/instances/{id}/consumer-groups/{group}/clients}.
 *
 * @param group the instance-local group name
 * @param clients one entry per client id, ordered by client id
 */
public record ConsumerClientsView(String group, List<ConsumerClientView> clients) {
    public ConsumerClientsView {
        clients = List.copyOf(clients);
    }
}
