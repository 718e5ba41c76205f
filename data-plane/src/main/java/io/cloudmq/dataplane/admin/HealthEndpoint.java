package io.cloudmq.dataplane.admin;

import io.cloudmq.api.node.NodeHealthView;
import io.cloudmq.dataplane.config.NodeConfig;

/** {@code GET /admin/v1/health}: who this node is ({@link NodeHealthView}). Immutable. */
public final class HealthEndpoint implements AdminEndpoint {
    private final NodeHealthView view;

    public HealthEndpoint(NodeConfig config, NodeIdentity identity) {
        this.view = new NodeHealthView(config.nodeId(), config.role(), config.cluster(), config.brokerName(),
                config.brokerId(), identity.version(), identity.pid(), identity.startedAt(), config.listenPort());
    }

    @Override
    public AdminResponse handle(AdminRequest request) {
        return AdminResponse.ok(view);
    }
}
