package io.cloudmq.dataplane.admin;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * Answers every admin request: bearer-token check first (401, so unknown paths reveal nothing), then the
 * route (404; exact paths and {@code {name}} templates, {@link AdminRoute#match}), the method (405 with
 * {@code Allow}), the body size (413), then the endpoint. Client mistakes are answered with a JSON
 * {@link io.cloudmq.api.node.NodeAdminError} and a 4xx status; a 500 only means the node itself failed.
 * Thread-safe: stateless after construction.
 */
final class AdminHttpHandler implements HttpHandler {
    private static final Logger log = LoggerFactory.getLogger(AdminHttpHandler.class);

    static final int MAX_BODY_BYTES = 4 * 1024 * 1024;

    private final AdminToken token;
    private final JsonMapper json;
    private final List<AdminRoute> routes;

    AdminHttpHandler(AdminToken token, JsonMapper json, List<AdminRoute> routes) {
        this.token = token;
        this.json = json;
        this.routes = List.copyOf(routes);
    }

    @Override
    public void handle(HttpExchange exchange) {
        try {
            send(exchange, respond(exchange));
        } catch (IOException e) {
            log.debug("Admin request {} {} aborted: {}", exchange.getRequestMethod(), exchange.getRequestURI(), e.toString());
        } finally {
            exchange.close();
        }
    }

    private AdminResponse respond(HttpExchange exchange) throws IOException {
        if (!token.accepts(exchange.getRequestHeaders().getFirst("Authorization"))) {
            return AdminResponse.error(401, "unauthorized", "missing or wrong bearer token",
                    Map.of("WWW-Authenticate", "Bearer"));
        }
        String path = exchange.getRequestURI().getPath();
        Map<String, AdminRoute> byMethod = routesMatching(path);
        if (byMethod.isEmpty()) {
            return AdminResponse.error(404, "not-found", "no admin endpoint at " + path);
        }
        AdminRoute route = byMethod.get(exchange.getRequestMethod());
        if (route == null) {
            String allowed = String.join(", ", byMethod.keySet());
            return AdminResponse.error(405, "method-not-allowed",
                    exchange.getRequestMethod() + " is not allowed on " + path + ", use " + allowed,
                    Map.of("Allow", allowed));
        }
        byte[] body = readBody(exchange.getRequestBody());
        if (body.length > MAX_BODY_BYTES) {
            return AdminResponse.error(413, "payload-too-large", "request body exceeds " + MAX_BODY_BYTES + " bytes");
        }
        try {
            return route.endpoint().handle(new AdminRequest(body, json, Objects.requireNonNull(route.match(path)),
                    QueryParameters.parse(exchange.getRequestURI().getRawQuery())));
        } catch (AdminRequestException e) {
            return e.response();
        } catch (IOException | RuntimeException e) {
            log.error("Admin endpoint {} {} failed", exchange.getRequestMethod(), path, e);
            return AdminResponse.error(500, "internal-error", "the node failed to process the request: " + e);
        }
    }

    /** The routes whose path matches {@code path}, by method. */
    private Map<String, AdminRoute> routesMatching(String path) {
        Map<String, AdminRoute> byMethod = new TreeMap<>();
        for (AdminRoute route : routes) {
            if (route.match(path) != null) {
                byMethod.putIfAbsent(route.method(), route);
            }
        }
        return byMethod;
    }

    private static byte[] readBody(InputStream input) throws IOException {
        try (input) {
            return input.readNBytes(MAX_BODY_BYTES + 1);
        }
    }

    private void send(HttpExchange exchange, AdminResponse response) throws IOException {
        byte[] bytes = response.body() instanceof String text
                ? text.getBytes(StandardCharsets.UTF_8)
                : json.writeValueAsBytes(response.body());
        Headers headers = exchange.getResponseHeaders();
        headers.set("Content-Type", response.contentType());
        response.headers().forEach(headers::set);
        exchange.sendResponseHeaders(response.status(), bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream output = exchange.getResponseBody()) {
            output.write(bytes);
        }
    }
}
