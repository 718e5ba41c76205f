package io.cloudmq.dataplane.admin;

import com.sun.net.httpserver.HttpServer;
import io.cloudmq.dataplane.lifecycle.DaemonThreadFactory;
import io.cloudmq.dataplane.lifecycle.Lifecycle;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * The admin HTTP server (JDK {@link HttpServer}) on the node's admin port, all interfaces. Requests are
 * served by {@value #THREADS} daemon threads; closing stops accepting, then waits up to
 * {@value #DRAIN_SECONDS} s for requests in progress (a desired state being persisted) to finish.
 * Thread-safety: {@link #start()} and {@link #close()} are called by {@link io.cloudmq.dataplane.lifecycle.NodeRuntime}.
 */
public final class AdminServer implements Lifecycle {
    private static final Logger log = LoggerFactory.getLogger(AdminServer.class);

    private static final int THREADS = 2;
    private static final int BACKLOG = 32;
    private static final int DRAIN_SECONDS = 5;

    private final int port;
    private final AdminHttpHandler handler;
    private @Nullable HttpServer server;
    private @Nullable ExecutorService executor;

    public AdminServer(int port, AdminToken token, JsonMapper json, List<AdminRoute> routes) {
        this.port = port;
        this.handler = new AdminHttpHandler(token, json, routes);
    }

    @Override
    public void start() throws IOException {
        HttpServer created = HttpServer.create(new InetSocketAddress(port), BACKLOG);
        executor = Executors.newFixedThreadPool(THREADS, new DaemonThreadFactory("admin-http"));
        created.setExecutor(executor);
        created.createContext("/", handler);
        created.start();
        server = created;
        log.info("Admin API listening on port {}", port);
    }

    @Override
    public void close() {
        if (server != null) {
            server.stop(0);
        }
        if (executor != null) {
            executor.shutdown();
            try {
                if (!executor.awaitTermination(DRAIN_SECONDS, TimeUnit.SECONDS)) {
                    log.warn("Admin requests still running after {} s; leaving them", DRAIN_SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
