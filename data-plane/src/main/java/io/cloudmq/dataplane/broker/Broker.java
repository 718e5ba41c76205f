package io.cloudmq.dataplane.broker;

import io.cloudmq.api.node.NodeDrainResult;
import io.cloudmq.api.node.NodeDrainStatus;
import io.cloudmq.api.node.NodeServingView;
import io.cloudmq.dataplane.admin.DrainControl;
import io.cloudmq.dataplane.broker.drain.DrainMode;
import io.cloudmq.dataplane.broker.drain.DrainParts;
import io.cloudmq.dataplane.broker.drain.DrainSequence;
import io.cloudmq.dataplane.lifecycle.Lifecycle;
import io.cloudmq.dataplane.lifecycle.NodeContext;
import io.cloudmq.dataplane.lifecycle.StopRequest;
import java.io.IOException;
import java.time.Clock;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The broker role of a node: {@link #start()} opens the store under {@code data.dir}, serves the remoting
 * port and registers with the name servers ({@link RunningBroker}); {@link #close()} drains
 * ({@link DrainMode#SHUTDOWN}, unless an orchestrated drain already left) and closes it all. The drain
 * actions of the admin API ({@link DrainControl}) run on the running broker; after an orchestrated drain
 * has left, the node is asked to stop.
 *
 * <p>Threading: {@link #start()} and {@link #close()} are called by the node runtime, never concurrently;
 * the drain actions and {@link #serving()} from admin threads at any time.
 */
public final class Broker implements Lifecycle, DrainControl {
    private static final Logger log = LoggerFactory.getLogger(Broker.class);

    private final NodeContext context;
    private final BrokerSettings settings;
    private final StopRequest stop;
    private final DrainParts drain;
    private volatile @Nullable RunningBroker running;

    public Broker(NodeContext context, BrokerSettings settings, StopRequest stop) {
        this.context = context;
        this.settings = settings;
        this.stop = stop;
        this.drain = DrainParts.create(context.metrics(), Clock.systemUTC());
    }

    @Override
    public void start() throws IOException {
        running = RunningBroker.start(context, settings, drain);
    }

    @Override
    public void close() {
        RunningBroker current = running;
        if (current == null) {
            return;
        }
        try {
            current.drainSequence().drain(DrainMode.SHUTDOWN);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            log.warn("shutdown drain interrupted in phase {}; closing now", drain.state().phase());
        }
        current.close();
        running = null;
    }

    @Override
    public NodeDrainResult fence() throws InterruptedException {
        return sequence().fence();
    }

    @Override
    public NodeDrainResult unfence() throws InterruptedException {
        return sequence().unfence();
    }

    @Override
    public NodeDrainResult drain() throws InterruptedException {
        NodeDrainResult result = sequence().drain(DrainMode.ORCHESTRATED);
        if (result.status() == NodeDrainStatus.LEFT) {
            stop.request("drained, left the name servers");
        }
        return result;
    }

    @Override
    public NodeServingView serving() {
        return drain.view();
    }

    private DrainSequence sequence() {
        RunningBroker current = running;
        if (current == null) {
            throw new IllegalStateException("the broker role is not serving");
        }
        return current.drainSequence();
    }
}
