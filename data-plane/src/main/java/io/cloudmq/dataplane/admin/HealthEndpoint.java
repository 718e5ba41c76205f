package io.cloudmq.dataplane.admin;

import io.cloudmq.api.node.NodeHealthView;
import io.cloudmq.api.node.NodeServingView;
import io.cloudmq.dataplane.config.DesiredStateStore;
import io.cloudmq.dataplane.config.NodeConfig;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * {@code GET /admin/v1/health}: who this node is, which desired-state generation it serves, its request log
 * and, on a broker, its current broker id, drain phase and the store's recovery at the start
 * ({@link NodeHealthView}). Thread-safe: the identity is fixed, the generation, the broker id, the serving
 * state and the recovery are read per request.
 */
public final class HealthEndpoint implements AdminEndpoint {
    private final NodeConfig config;
    private final NodeIdentity identity;
    private final DesiredStateStore desiredState;
    private final @Nullable ServingBroker broker;
    private final Supplier<NodeServingView> serving;

    /**
     * Health of the node {@code config} describes.
     *
     * @param broker a broker, whose broker id and recovery health shows; {@code null} for a name server
     * @param serving the role's serving state (its drain and its own request log)
     */
    public HealthEndpoint(NodeConfig config, NodeIdentity identity, DesiredStateStore desiredState,
            @Nullable ServingBroker broker, Supplier<NodeServingView> serving) {
        this.config = config;
        this.identity = identity;
        this.desiredState = desiredState;
        this.broker = broker;
        this.serving = serving;
    }

    @Override
    public AdminResponse handle(AdminRequest request) {
        return AdminResponse.ok(new NodeHealthView(config.nodeId(), config.role(), config.cluster(),
                config.brokerName(), broker == null ? config.brokerId() : Integer.valueOf(broker.brokerId()),
                identity.version(), identity.pid(), identity.startedAt(), config.listenPort(),
                desiredState.current().generation(), serving.get(),
                broker == null ? null : broker.recovery()));
    }
}
