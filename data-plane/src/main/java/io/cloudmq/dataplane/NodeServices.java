package io.cloudmq.dataplane;

import io.cloudmq.dataplane.admin.AdminRoute;
import io.cloudmq.dataplane.admin.AdminServer;
import io.cloudmq.dataplane.admin.AdminToken;
import io.cloudmq.dataplane.admin.Backoff;
import io.cloudmq.dataplane.admin.ControlPlaneRegistration;
import io.cloudmq.dataplane.admin.DesiredStateEndpoint;
import io.cloudmq.dataplane.admin.HealthEndpoint;
import io.cloudmq.dataplane.admin.MetricsEndpoint;
import io.cloudmq.dataplane.admin.NodeIdentity;
import io.cloudmq.dataplane.admin.NodeMetrics;
import io.cloudmq.dataplane.auth.CredentialRegistry;
import io.cloudmq.dataplane.auth.CredentialStateListener;
import io.cloudmq.dataplane.broker.Broker;
import io.cloudmq.dataplane.broker.BrokerSettings;
import io.cloudmq.dataplane.config.ControlPlaneEndpoint;
import io.cloudmq.dataplane.config.DesiredStateStore;
import io.cloudmq.dataplane.config.NodeConfig;
import io.cloudmq.dataplane.config.NodeJson;
import io.cloudmq.dataplane.lifecycle.Lifecycle;
import io.cloudmq.dataplane.lifecycle.NodeContext;
import io.cloudmq.dataplane.namesrv.NameServer;
import io.cloudmq.dataplane.namesrv.NameServerAccess;
import io.cloudmq.dataplane.namesrv.NameServerConfig;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.json.JsonMapper;

/**
 * Assembles a node's services in start order (the runtime closes them in reverse): metrics, the admin API,
 * the role's own services, and last, in distributed mode, the registration with the control plane (a node
 * announces itself only once it serves). Before the roles start, the credential table follows the desired state
 * ({@link CredentialStateListener}), so a role's first request is checked against the persisted credentials. {@link #roleServices} is the one place where a role gets its services.
 * Called once, on the main thread.
 */
final class NodeServices {
    static final Backoff REGISTRATION_BACKOFF = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(30));

    private NodeServices() {}

    /**
     * Builds the services of the node described by {@code config}.
     *
     * @throws IOException if the persisted desired state cannot be read
     */
    static List<Lifecycle> assemble(NodeConfig config, NodeIdentity identity) throws IOException {
        JsonMapper json = NodeJson.mapper();
        DesiredStateStore desiredState = DesiredStateStore.open(config.dataDir(), json);
        NodeMetrics metrics = new NodeMetrics(config, identity);
        List<Lifecycle> services = new ArrayList<>();
        services.add(metrics);
        CredentialRegistry credentials = new CredentialRegistry();
        List<Lifecycle> roles = roleServices(new NodeContext(config, json, metrics.registry(), desiredState, credentials));
        List<AdminRoute> routes = new ArrayList<>(List.of(
                AdminRoute.get("/admin/v1/health", new HealthEndpoint(config, identity, desiredState)),
                AdminRoute.get("/admin/v1/metrics", new MetricsEndpoint(metrics.registry())),
                AdminRoute.put("/admin/v1/desired-state", new DesiredStateEndpoint(desiredState))));
        routes.addAll(roleRoutes(roles));
        services.add(new AdminServer(config.adminPort(), new AdminToken(config.adminToken().value()), json, routes));
        desiredState.subscribe(new CredentialStateListener(config.adminToken(), credentials));
        services.addAll(roles);
        ControlPlaneEndpoint controlPlane = config.controlPlane();
        if (controlPlane != null) {
            services.add(new ControlPlaneRegistration(config, controlPlane, json, REGISTRATION_BACKOFF));
        }
        return services;
    }

    /** The admin endpoints the role services add (a broker's offset resets). */
    private static List<AdminRoute> roleRoutes(List<Lifecycle> roles) {
        return roles.stream().filter(Broker.class::isInstance).map(Broker.class::cast)
                .flatMap(broker -> broker.adminRoutes().stream()).toList();
    }

        /** The services that make the node a name server or a broker, in start order. */
    private static List<Lifecycle> roleServices(NodeContext context) {
        return switch (context.config().role()) {
            case NAMESRV -> List.of(new NameServer(NameServerConfig.defaults(context.config().listenPort()),
                    NameServerAccess.verified(context.credentials())));
            case BROKER -> List.of(new Broker(context, BrokerSettings.defaults()));
        };
    }
}
