package io.cloudmq.dataplane.broker;

import io.cloudmq.dataplane.admin.AdminEndpoint;
import io.cloudmq.dataplane.admin.AdminRequest;
import io.cloudmq.dataplane.admin.AdminResponse;

/**
 * {@code GET /admin/v1/replication}: the broker's {@link io.cloudmq.api.node.ReplicationView} (role, epoch,
 * end offset, acknowledged and in-sync state), 503 {@code not-running} while the broker role does not serve.
 * Thread-safe.
 */
public final class ReplicationEndpoint implements AdminEndpoint {
    private final Broker broker;

    public ReplicationEndpoint(Broker broker) {
        this.broker = broker;
    }

    @Override
    public AdminResponse handle(AdminRequest request) {
        return broker.replicationView()
                .map(AdminResponse::ok)
                .orElseGet(() -> AdminResponse.error(503, "not-running", "the broker role is not serving"));
    }
}
