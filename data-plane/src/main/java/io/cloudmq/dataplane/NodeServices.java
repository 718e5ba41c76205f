package io.cloudmq.dataplane;

import io.cloudmq.dataplane.admin.AdminRoute;
import io.cloudmq.dataplane.admin.AdminServer;
import io.cloudmq.dataplane.admin.AdminToken;
import io.cloudmq.dataplane.admin.Backoff;
import io.cloudmq.dataplane.admin.ControlPlaneRegistration;
import io.cloudmq.dataplane.admin.DesiredStateEndpoint;
import io.cloudmq.dataplane.admin.DrainActionEndpoint;
import io.cloudmq.dataplane.admin.DrainControl;
import io.cloudmq.api.node.NodeServingView;
import io.cloudmq.dataplane.admin.HealthEndpoint;
import io.cloudmq.dataplane.admin.MetricsEndpoint;
import io.cloudmq.dataplane.admin.NodeIdentity;
import io.cloudmq.dataplane.admin.NodeMetrics;
import io.cloudmq.dataplane.auth.CredentialRegistry;
import io.cloudmq.dataplane.auth.CredentialStateListener;
import io.cloudmq.dataplane.auth.CryptoWarmUp;
import io.cloudmq.dataplane.broker.Broker;
import io.cloudmq.dataplane.broker.BrokerSettings;
import io.cloudmq.dataplane.broker.PromoteEndpoint;
import io.cloudmq.dataplane.broker.ReplicationEndpoint;
import io.cloudmq.dataplane.broker.read.BrokerReadEndpoints;
import io.cloudmq.dataplane.broker.read.LiveBrokerReads;
import io.cloudmq.dataplane.config.ControlPlaneEndpoint;
import io.cloudmq.dataplane.config.DesiredStateStore;
import io.cloudmq.dataplane.config.NodeConfig;
import io.cloudmq.dataplane.config.NodeJson;
import io.cloudmq.dataplane.lifecycle.Lifecycle;
import io.cloudmq.dataplane.lifecycle.NodeContext;
import io.cloudmq.dataplane.lifecycle.StopRequest;
import io.cloudmq.dataplane.namesrv.NameServer;
import io.cloudmq.dataplane.namesrv.NameServerAccess;
import io.cloudmq.dataplane.namesrv.NameServerConfig;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * Assembles a node's services in start order (the runtime closes them in reverse): metrics, the admin API,
 * the role's own services, and last, in distributed mode, the registration with the control plane (a node
 * announces itself only once it serves). Before the roles start, the credential table follows the desired state
 * ({@link CredentialStateListener}), so a role's first request is checked against the persisted credentials; the
 * credential cryptography warms up meanwhile ({@link CryptoWarmUp}).
 * {@link #roleServices} is the one place where a role gets its services and its own admin routes: a broker's
 * drain actions ({@code POST /admin/v1/fence}, {@code /unfence}, {@code /drain}), {@code promote} and
 * {@code replication}, and its serving state in health; a name server's {@code registered-brokers}.
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
    static List<Lifecycle> assemble(NodeConfig config, NodeIdentity identity, StopRequest stop) throws IOException {
        CryptoWarmUp.startInBackground();
        JsonMapper json = NodeJson.mapper();
        DesiredStateStore desiredState = DesiredStateStore.open(config.dataDir(), json);
        NodeMetrics metrics = new NodeMetrics(config, identity);
        CredentialRegistry credentials = new CredentialRegistry();
        desiredState.subscribe(new CredentialStateListener(config.adminToken(), credentials));
        RoleServices role = roleServices(
                new NodeContext(config, json, metrics.registry(), desiredState, credentials), stop);
        List<AdminRoute> routes = new ArrayList<>(List.of(
                AdminRoute.get("/admin/v1/health", new HealthEndpoint(config, identity, desiredState, role.broker(),
                        role.serving())),
                AdminRoute.get("/admin/v1/metrics", new MetricsEndpoint(metrics.registry())),
                AdminRoute.put("/admin/v1/desired-state", new DesiredStateEndpoint(desiredState))));
        routes.addAll(role.routes());
        List<Lifecycle> services = new ArrayList<>();
        services.add(metrics);
        services.add(new AdminServer(config.adminPort(), new AdminToken(config.adminToken().value()), json, routes));
        services.addAll(role.services());
        ControlPlaneEndpoint controlPlane = config.controlPlane();
        if (controlPlane != null) {
            services.add(new ControlPlaneRegistration(config, controlPlane, json, REGISTRATION_BACKOFF));
        }
        return services;
    }

    /** A role's services in start order, the admin routes it adds, the broker if it is one, its serving state. */
    private record RoleServices(List<Lifecycle> services, List<AdminRoute> routes, @Nullable Broker broker,
            Supplier<NodeServingView> serving) {}

    /** The services that make the node a name server or a broker. */
    private static RoleServices roleServices(NodeContext context, StopRequest stop) {
        return switch (context.config().role()) {
            case NAMESRV -> {
                NameServer nameServer = new NameServer(NameServerConfig.defaults(context.config().listenPort()),
                        NameServerAccess.verified(context.credentials()));
                yield new RoleServices(List.of(nameServer), nameServer.adminRoutes(), null, nameServer::serving);
            }
            case BROKER -> {
                LiveBrokerReads reads = new LiveBrokerReads();
                Broker broker = new Broker(context, BrokerSettings.defaults(), stop, reads);
                List<AdminRoute> routes = new ArrayList<>(List.of(
                        AdminRoute.post("/admin/v1/fence", new DrainActionEndpoint(broker::fence)),
                        AdminRoute.post("/admin/v1/unfence", new DrainActionEndpoint(broker::unfence)),
                        AdminRoute.post("/admin/v1/drain", new DrainActionEndpoint(broker::drain)),
                        AdminRoute.post("/admin/v1/promote", new PromoteEndpoint(broker)),
                        AdminRoute.get("/admin/v1/replication", new ReplicationEndpoint(broker))));
                routes.addAll(new BrokerReadEndpoints(reads).routes());
                routes.addAll(broker.adminRoutes());
                yield new RoleServices(List.of(broker), routes, broker, broker::serving);
            }
        };
    }
}
