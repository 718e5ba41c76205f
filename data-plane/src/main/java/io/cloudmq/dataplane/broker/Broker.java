package io.cloudmq.dataplane.broker;

import io.cloudmq.dataplane.lifecycle.Lifecycle;
import io.cloudmq.dataplane.lifecycle.NodeContext;
import java.io.IOException;
import org.jspecify.annotations.Nullable;

/**
 * The broker role of a node: {@link #start()} opens the store under {@code data.dir}, serves the remoting
 * port and registers with the name servers ({@link RunningBroker}); {@link #close()} leaves and closes it
 * all. Called by the node runtime, never concurrently.
 */
public final class Broker implements Lifecycle {
    private final NodeContext context;
    private final BrokerSettings settings;
    private @Nullable RunningBroker running;

    public Broker(NodeContext context, BrokerSettings settings) {
        this.context = context;
        this.settings = settings;
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
