package io.cloudmq.dataplane;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A control plane that records every request; it answers the first one with 503 and every later one with
 * 201, so a node that registers successfully has proven that it retries.
 */
final class ControlPlaneStub implements AutoCloseable {

    /** One request as received. */
    record Recorded(String method, String path, String authorization, String body) {}

    private final HttpServer server;
    private final List<Recorded> requests = new CopyOnWriteArrayList<>();

    ControlPlaneStub() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 8);
        server.createContext("/", exchange -> {
            try (exchange) {
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                int status = requests.isEmpty() ? 503 : 201;
                requests.add(new Recorded(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                        exchange.getRequestHeaders().getFirst("Authorization"), body));
                exchange.sendResponseHeaders(status, -1);
            }
        });
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    List<Recorded> requests() {
        return List.copyOf(requests);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
