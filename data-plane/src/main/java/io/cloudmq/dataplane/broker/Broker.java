package io.cloudmq.dataplane.broker;

import io.cloudmq.dataplane.broker.read.LiveBrokerReads;
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
    private final LiveBrokerReads reads;
    private @Nullable RunningBroker running;

    /** @param reads where the admin read endpoints find the serving broker's data */
    public Broker(NodeContext context, BrokerSettings settings, LiveBrokerReads reads) {
        this.context = context;
        this.settings = settings;
        this.reads = reads;
    }

    @Override
    public void start() throws IOException {
        running = RunningBroker.start(context, settings);
        reads.attach(running.reads());
    }

    @Override
    public void close() {
        reads.detach();
        if (running != null) {
            running.close();
            running = null;
        }
    }
}
