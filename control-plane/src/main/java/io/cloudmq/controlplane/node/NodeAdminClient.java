package io.cloudmq.controlplane.node;

import io.cloudmq.api.node.NodeHealthView;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Calls the admin API ({@code /admin/v1}) of data-plane nodes with the cluster's node token. Never called
 * inside a database transaction. Thread-safe.
 */
@Component
class NodeAdminClient {
    private static final Logger log = LoggerFactory.getLogger(NodeAdminClient.class);
    /** A node that cannot answer its health check within this time counts as a miss (e.g. SIGSTOPped). */
    static final Duration HEALTH_TIMEOUT = Duration.ofMillis(1500);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(HEALTH_TIMEOUT).build();
    private final JsonMapper json;
    private final NodeToken nodeToken;

    NodeAdminClient(JsonMapper json, NodeToken nodeToken) {
        this.json = json;
        this.nodeToken = nodeToken;
    }

    /** The node's health, or empty when it did not answer 200 in time. */
    Optional<NodeHealthView> health(String adminUrl) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(adminUrl + "/admin/v1/health"))
                .timeout(HEALTH_TIMEOUT)
                .header("Authorization", "Bearer " + nodeToken.value())
                .GET()
                .build();
        try {
            HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                log.debug("Health check of {} answered {}", adminUrl, response.statusCode());
                return Optional.empty();
            }
            return Optional.of(json.readValue(response.body(), NodeHealthView.class));
        } catch (IOException | JacksonException e) {
            log.debug("Health check of {} failed: {}", adminUrl, e.toString());
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
