package io.cloudmq.dataplane.broker;

import io.cloudmq.dataplane.admin.AdminEndpoint;
import io.cloudmq.dataplane.admin.AdminRequest;
import io.cloudmq.dataplane.admin.AdminResponse;
import io.cloudmq.dataplane.admin.AdminRoute;
import io.cloudmq.dataplane.broker.deadletter.DeadLetterEndpoints;
import io.cloudmq.dataplane.broker.reset.OffsetResetEndpoints;
import io.cloudmq.dataplane.lifecycle.Lifecycle;
import io.cloudmq.dataplane.lifecycle.NodeContext;
import java.io.IOException;
import java.util.List;
import java.util.function.BiFunction;
import org.jspecify.annotations.Nullable;

/**
 * The broker role of a node: {@link #start()} opens the store under {@code data.dir}, serves the remoting
 * port and registers with the name servers ({@link RunningBroker}); {@link #close()} leaves and closes it
 * all. {@link #adminRoutes()} are the broker's own admin endpoints; they answer 503 while it is not running and
 * 409 on a slave. Lifecycle calls come from the node runtime, never concurrently; admin calls from the admin
 * server's threads.
 */
public final class Broker implements Lifecycle {
    private final NodeContext context;
    private final BrokerSettings settings;
    private volatile @Nullable RunningBroker running;

    public Broker(NodeContext context, BrokerSettings settings) {
        this.context = context;
        this.settings = settings;
    }

    /** The admin endpoints served by a running master broker (offset resets, dead letters). */
    public List<AdminRoute> adminRoutes() {
        return List.of(
                AdminRoute.post(OffsetResetEndpoints.PREVIEW_PATH, onMaster((broker, request) ->
                        broker.resetEndpoints().preview(request))),
                AdminRoute.post(OffsetResetEndpoints.APPLY_PATH, onMaster((broker, request) ->
                        broker.resetEndpoints().apply(request))),
                AdminRoute.post(DeadLetterEndpoints.LIST_PATH, onMaster((broker, request) ->
                        broker.deadLetterEndpoints().list(request))),
                AdminRoute.post(DeadLetterEndpoints.RESEND_PATH, onMaster((broker, request) ->
                        broker.deadLetterEndpoints().resend(request))));
    }

    private AdminEndpoint onMaster(BiFunction<RunningBroker, AdminRequest, AdminResponse> call) {
        return request -> {
            RunningBroker current = running;
            if (current == null) {
                return AdminResponse.error(503, "not-running", "the broker is not running");
            }
            if (!current.master()) {
                return AdminResponse.error(409, "not-master", "this is served by the master of the broker group");
            }
            return call.apply(current, request);
        };
    }

    @Override
    public void start() throws IOException {
        running = RunningBroker.start(context, settings);
    }

    @Override
    public void close() {
        if (running != null) {
            running.close();
            running = null;
        }
    }
}
