package io.cloudmq.dataplane.lifecycle;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a node's services: starts them in the given order and closes the started ones in reverse order,
 * exactly once, whoever asks first (the shutdown hook, the parent watch, a service's {@link StopRequest},
 * or a failed start).
 *
 * <p>Thread-safe: {@link #start()} is called once by the main thread; {@link #close()} may be called from
 * any thread, any number of times; {@link #awaitClosed()} from any thread.
 */
public final class NodeRuntime implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(NodeRuntime.class);

    private final List<Lifecycle> services;
    private final Deque<Lifecycle> started = new ArrayDeque<>();
    private final CountDownLatch closed = new CountDownLatch(1);
    private boolean closing;

    public NodeRuntime(List<Lifecycle> services) {
        this.services = List.copyOf(services);
    }

    /**
     * Starts every service in order. If one fails, the ones already started are closed in reverse order
     * and the failure is rethrown.
     */
    public void start() throws IOException {
        for (Lifecycle service : services) {
            synchronized (this) {
                if (closing) {
                    log.info("Start aborted: shutdown requested before {}", service.name());
                    return;
                }
                try {
                    service.start();
                } catch (IOException | RuntimeException e) {
                    log.error("{} failed to start", service.name(), e);
                    close();
                    throw e;
                }
                started.push(service);
            }
            log.info("Started {}", service.name());
        }
    }

    /** Closes the started services in reverse start order; later calls do nothing. */
    @Override
    public void close() {
        synchronized (this) {
            if (closing) {
                return;
            }
            closing = true;
            while (!started.isEmpty()) {
                Lifecycle service = started.pop();
                try {
                    service.close();
                    log.info("Stopped {}", service.name());
                } catch (RuntimeException e) {
                    log.error("{} failed to stop cleanly", service.name(), e);
                }
            }
        }
        closed.countDown();
    }

    /** Makes a JVM shutdown (SIGTERM, SIGINT, {@code System.exit}) close the runtime first. */
    public void closeOnJvmShutdown() {
        Runtime.getRuntime().addShutdownHook(new Thread(this::close, "node-shutdown"));
    }

    /** Makes end-of-file on {@code stdin} (the launching parent has exited) close the runtime. */
    public void closeWhenParentGone(InputStream stdin) {
        ParentWatcher.watch(stdin, this::close);
    }

    /** Makes {@code stop} close the runtime, on a thread of its own (the requester may be a service being closed). */
    public void closeWhenRequested(StopRequest stop) {
        stop.requested().thenAcceptAsync(reason -> {
            log.info("Stopping the node: {}", reason);
            close();
        }, runnable -> new DaemonThreadFactory("node-stop").newThread(runnable).start());
    }

    /** Blocks until {@link #close()} has finished. */
    public void awaitClosed() throws InterruptedException {
        closed.await();
    }
}
