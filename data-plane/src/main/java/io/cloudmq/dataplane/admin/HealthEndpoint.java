package io.cloudmq.dataplane.admin;

import io.cloudmq.api.node.NodeHealthView;
import io.cloudmq.dataplane.config.DesiredStateStore;
import io.cloudmq.dataplane.config.NodeConfig;
import org.jspecify.annotations.Nullable;

/**
 * {@code GET /admin/v1/health}: who this node is, which desired-state generation it serves and, on a
 * broker, its drain phase and request log ({@link NodeHealthView}). Thread-safe: the identity is fixed, the
 * generation and the serving state are read per request.
 */
public final class HealthEndpoint implements AdminEndpoint {
    private final NodeConfig config;
    private final NodeIdentity identity;
    private final DesiredStateStore desiredState;
    private final @Nullable DrainControl drain;

    /**
     * Health of the node {@code config} describes.
     *
     * @param drain a broker's drain, whose serving state health shows; {@code null} for a name server
     */
    public HealthEndpoint(NodeConfig config, NodeIdentity identity, DesiredStateStore desiredState,
            @Nullable DrainControl drain) {
        this.config = config;
        this.identity = identity;
        this.desiredState = desiredState;
        this.drain = drain;
    }

    @Override
    public AdminResponse handle(AdminRequest request) {
        return AdminResponse.ok(new NodeHealthView(config.nodeId(), config.role(), config.cluster(),
                config.brokerName(), config.brokerId(), identity.version(), identity.pid(), identity.startedAt(),
                config.listenPort(), desiredState.current().generation(), drain == null ? null : drain.serving()));
    }
}
