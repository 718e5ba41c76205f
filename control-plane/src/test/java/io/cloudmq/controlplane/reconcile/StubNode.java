package io.cloudmq.controlplane.reconcile;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.cloudmq.api.node.AppliedState;
import io.cloudmq.api.node.DesiredState;
import io.cloudmq.api.node.NodeAdminError;
import io.cloudmq.api.node.NodeHealthView;
import io.cloudmq.api.node.NodeRegistration;
import io.cloudmq.api.node.NodeRole;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * A node admin API in the test JVM (JDK {@link HttpServer} on a free port) that behaves like a node's
 * {@code PUT /admin/v1/desired-state} and {@code GET /admin/v1/health}: checks the bearer token (401),
 * ignores a generation not above the stored one and answers the stored one. It can be told to fail (503) or
 * to forget its state (a restart with an empty data directory). Thread-safe.
 */
final class StubNode implements AutoCloseable {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String nodeId;
    private final NodeRole role;
    private final @Nullable String brokerName;
    private final String token;
    private final HttpServer server;
    private final List<DesiredState> received = new ArrayList<>();
    private long generation;
    private boolean failing;

    private StubNode(String nodeId, NodeRole role, @Nullable String brokerName, String token) {
        this.nodeId = nodeId;
        this.role = role;
        this.brokerName = brokerName;
        this.token = token;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/admin/v1/desired-state", this::desiredState);
        server.createContext("/admin/v1/health", this::health);
        server.start();
    }

    static StubNode broker(String brokerName, String token) {
        return new StubNode(brokerName + "-0", NodeRole.BROKER, brokerName, token);
    }

    static StubNode nameServer(String token) {
        return new StubNode("namesrv-0", NodeRole.NAMESRV, null, token);
    }

    NodeRegistration registration() {
        int port = server.getAddress().getPort();
        return new NodeRegistration(nodeId, role, brokerName, brokerName == null ? null : 0,
                "http://127.0.0.1:" + port, "127.0.0.1:" + (port + 1));
    }

    String nodeId() {
        return nodeId;
    }

    synchronized List<DesiredState> received() {
        return List.copyOf(received);
    }

    synchronized DesiredState lastReceived() {
        return received.get(received.size() - 1);
    }

    /** From now on answers 503 to pushes (and health), as a node that is down or broken. */
    synchronized void failing(boolean fail) {
        this.failing = fail;
    }

    /** Serves {@code stored} as if it had applied it before (e.g. 0 after a restart with an empty data directory). */
    synchronized void serveGeneration(long stored) {
        this.generation = stored;
    }

    synchronized long generation() {
        return generation;
    }

    private void desiredState(HttpExchange exchange) throws IOException {
        if (!authorized(exchange) || !available(exchange)) {
            return;
        }
        DesiredState state = JSON.readValue(exchange.getRequestBody().readAllBytes(), DesiredState.class);
        long served;
        synchronized (this) {
            received.add(state);
            if (state.generation() > generation) {
                generation = state.generation();
            }
            served = generation;
        }
        send(exchange, 200, new AppliedState(served));
    }

    private void health(HttpExchange exchange) throws IOException {
        if (!authorized(exchange) || !available(exchange)) {
            return;
        }
        send(exchange, 200, new NodeHealthView(nodeId, role, "stub", brokerName, brokerName == null ? null : 0,
                "test", ProcessHandle.current().pid(), Instant.EPOCH, 1, generation()));
    }

    private boolean authorized(HttpExchange exchange) throws IOException {
        if (("Bearer " + token).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            return true;
        }
        send(exchange, 401, new NodeAdminError(401, "unauthorized", "missing or wrong bearer token"));
        return false;
    }

    private boolean available(HttpExchange exchange) throws IOException {
        synchronized (this) {
            if (!failing) {
                return true;
            }
        }
        send(exchange, 503, new NodeAdminError(503, "unavailable", "stub told to fail"));
        return false;
    }

    private static void send(HttpExchange exchange, int status, Object body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
