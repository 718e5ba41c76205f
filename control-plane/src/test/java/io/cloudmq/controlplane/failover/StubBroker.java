package io.cloudmq.controlplane.failover;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.cloudmq.controlplane.EmbeddedPostgresSupport;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A broker's admin API as the switchover uses it (health, replication, fence, unfence, drain, promote),
 * answering with the node token: a fence answers FENCED, an unfence REOPENED, a drain answers LEFT and turns the broker into a SLAVE (as if restarted as one), a promotion
 * turns it into a SYNC_MASTER of the requested epoch. Records the actions called. A drain can be held
 * ({@link #holdDrain}) so a switchover job stays running until {@link #releaseDrain}. Requests are answered
 * on a thread each (a held drain does not hold the health checks). Thread-safe.
 */
final class StubBroker implements AutoCloseable {
    private static final Duration LONGEST_HOLD = Duration.ofSeconds(60);

    private final HttpServer server;
    private final ExecutorService handlers = Executors.newCachedThreadPool();
    private volatile CountDownLatch drainGate = new CountDownLatch(0);
    private final String nodeId;
    private final String brokerName;
    private final String token;
    private final List<String> actions = new CopyOnWriteArrayList<>();
    private volatile String role;
    private volatile long epoch;

    StubBroker(String nodeId, String brokerName, String role) throws IOException {
        this.nodeId = nodeId;
        this.brokerName = brokerName;
        this.role = role;
        this.token = Files.readString(EmbeddedPostgresSupport.dataDir().resolve("node.token")).strip();
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/admin/v1/health", exchange -> answer(exchange, """
                {"nodeId":"%s","role":"BROKER","cluster":"local","brokerName":"%s","brokerId":%d,
                 "version":"9.9.9","pid":4242,"startedAt":"2026-11-22T00:00:00Z","remotingPort":10921,
                 "appliedGeneration":0}""".formatted(nodeId, brokerName, "SLAVE".equals(this.role) ? 1 : 0)));
        server.createContext("/admin/v1/replication", exchange -> answer(exchange, """
                {"brokerRole":"%s","brokerId":0,"epoch":%d,"endOffset":4096,"syncAckedOffset":4096,
                 "inSync":true,"lagBytes":0}""".formatted(this.role, epoch)));
        server.createContext("/admin/v1/drain", exchange -> {
            actions.add("drain");
            awaitDrainGate();
            answer(exchange, """
                    {"status":"LEFT","drainPhase":"LEFT","steps":[],"serving":{"drainPhase":"LEFT","fenced":true,
                     "fencedMillis":10,"goAwayAnswers":0,"firstRequestServedAt":null,"lastRequestServedAt":null}}""");
            this.role = "SLAVE";
        });
        drainAction("fence", "FENCED", "FENCED");
        drainAction("unfence", "REOPENED", "SERVING");
        server.createContext("/admin/v1/promote", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            actions.add("promote " + body);
            this.epoch = Long.parseLong(body.replaceAll("[^0-9]", ""));
            this.role = "SYNC_MASTER";
            answer(exchange, "{}");
        });
        server.setExecutor(handlers);
        server.start();
    }

    /** Makes the next drain wait (at most {@link #LONGEST_HOLD}) until {@link #releaseDrain}. */
    void holdDrain() {
        drainGate = new CountDownLatch(1);
    }

    /** Lets a held drain answer. */
    void releaseDrain() {
        drainGate.countDown();
    }

    private void awaitDrainGate() throws IOException {
        try {
            if (!drainGate.await(LONGEST_HOLD.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IOException("drain held longer than " + LONGEST_HOLD);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("drain hold interrupted");
        }
    }

    private void drainAction(String action, String status, String phase) {
        server.createContext("/admin/v1/" + action, exchange -> {
            actions.add(action);
            answer(exchange, """
                    {"status":"%s","drainPhase":"%s","steps":[],"serving":{"drainPhase":"%s","fenced":%b,
                     "fencedMillis":10,"goAwayAnswers":0,"firstRequestServedAt":null,"lastRequestServedAt":null}}"""
                    .formatted(status, phase, phase, !phase.equals("SERVING")));
        });
    }

    private void answer(HttpExchange exchange, String json) throws IOException {
        boolean authorized = ("Bearer " + token).equals(exchange.getRequestHeaders().getFirst("Authorization"));
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(authorized ? 200 : 401, authorized ? body.length : -1);
        if (authorized) {
            exchange.getResponseBody().write(body);
        }
        exchange.close();
    }

    /** The registration body of this broker with {@code brokerId}. */
    byte[] registration(int brokerId) {
        return """
                {"nodeId":"%s","role":"BROKER","brokerName":"%s","brokerId":%d,
                 "adminUrl":"http://127.0.0.1:%d","remotingAddress":"127.0.0.1:10921"}"""
                .formatted(nodeId, brokerName, brokerId, server.getAddress().getPort())
                .getBytes(StandardCharsets.UTF_8);
    }

    String nodeId() {
        return nodeId;
    }

    List<String> actions() {
        return List.copyOf(actions);
    }

    String role() {
        return role;
    }

    @Override
    public void close() {
        releaseDrain();
        server.stop(0);
        handlers.shutdownNow();
    }
}
