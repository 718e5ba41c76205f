package io.cloudmq.dataplane.namesrv;

import io.cloudmq.api.node.RegisteredBrokersView;
import io.cloudmq.dataplane.admin.AdminEndpoint;
import io.cloudmq.dataplane.admin.AdminRequest;
import io.cloudmq.dataplane.admin.AdminResponse;

/**
 * {@code GET /admin/v1/registered-brokers} of a name server: every broker registered with it now
 * ({@link RegisteredBrokersView}). An upgrade asks this before it restarts the next name server. Thread-safe.
 */
final class RegisteredBrokersEndpoint implements AdminEndpoint {
    static final String PATH = "/admin/v1/registered-brokers";

    private final RouteTable routes;

    RegisteredBrokersEndpoint(RouteTable routes) {
        this.routes = routes;
    }

    @Override
    public AdminResponse handle(AdminRequest request) {
        return AdminResponse.ok(new RegisteredBrokersView(routes.registeredBrokers().stream()
                .map(broker -> new RegisteredBrokersView.RegisteredBroker(
                        broker.brokerName(), broker.brokerId(), broker.brokerAddr()))
                .toList()));
    }
}
