package io.cloudmq.dataplane.lifecycle;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * A node service's request that the whole node stop (a broker that has drained and left). The runtime
 * watches it ({@link NodeRuntime#closeWhenRequested}). Thread-safe; only the first request counts.
 */
public final class StopRequest {
    private final CompletableFuture<String> requested = new CompletableFuture<>();

    /** Asks the node to stop; {@code reason} is logged. */
    public void request(String reason) {
        requested.complete(reason);
    }

    CompletionStage<String> requested() {
        return requested;
    }
}
