package io.cloudmq.api.node;

import java.util.List;

/**
 * Answer of a name server's {@code GET /admin/v1/registered-brokers}: every broker registered with it now
 * (an upgrade restarts the next name server only once every broker re-registered with the one before).
 *
 * @param brokers the registered brokers, by address
 */
public record RegisteredBrokersView(List<RegisteredBroker> brokers) {

    public RegisteredBrokersView {
        brokers = List.copyOf(brokers);
    }

    /**
     * One registered broker.
     *
     * @param brokerName its broker group
     * @param brokerId 0 for a master, at least 1 for a slave
     * @param address the {@code host:port} clients connect to
     */
    public record RegisteredBroker(String brokerName, long brokerId, String address) {}
}
