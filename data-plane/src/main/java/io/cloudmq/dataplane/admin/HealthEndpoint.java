package io.cloudmq.dataplane.admin;

import io.cloudmq.api.node.NodeHealthView;
import io.cloudmq.dataplane.config.DesiredStateStore;
import io.cloudmq.dataplane.config.NodeConfig;

/**
 * {@code GET /admin/v1/health}: who this node is and which desired-state generation it serves
 * ({@link NodeHealthView}). Thread-safe: the identity is fixed, the generation is read from the store per request.
 */
public final class HealthEndpoint implements AdminEndpoint {
    private final NodeConfig config;
    private final NodeIdentity identity;
    private final DesiredStateStore desiredState;

    public HealthEndpoint(NodeConfig config, NodeIdentity identity, DesiredStateStore desiredState) {
        this.config = config;
        this.identity = identity;
        this.desiredState = desiredState;
    }

    @Override
    public AdminResponse handle(AdminRequest request) {
        return AdminResponse.ok(new NodeHealthView(config.nodeId(), config.role(), config.cluster(),
                config.brokerName(), config.brokerId(), identity.version(), identity.pid(), identity.startedAt(),
                config.listenPort(), desiredState.current().generation()));
    }
}
