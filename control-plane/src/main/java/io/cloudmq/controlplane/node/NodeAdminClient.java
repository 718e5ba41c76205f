package io.cloudmq.controlplane.node;

import io.cloudmq.api.node.AppliedState;
import io.cloudmq.api.node.DesiredState;
import io.cloudmq.api.node.NodeHealthView;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
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
public class NodeAdminClient {
    private static final Logger log = LoggerFactory.getLogger(NodeAdminClient.class);
    /** A node that cannot answer its health check within this time counts as a miss (e.g. SIGSTOPped). */
    static final Duration HEALTH_TIMEOUT = Duration.ofSeconds(3);
    /** A push waits longer than a health check: the node makes the state durable (fsync) before answering. */
    static final Duration PUSH_TIMEOUT = Duration.ofSeconds(10);
    private static final int MAX_ERROR_BODY = 300;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(HEALTH_TIMEOUT).build();
    private final JsonMapper json;
    private final NodeToken nodeToken;

    NodeAdminClient(JsonMapper json, NodeToken nodeToken) {
        this.json = json;
        this.nodeToken = nodeToken;
    }

    /** The node's health, or empty when it did not answer 200 in time. */
    public Optional<NodeHealthView> health(String adminUrl) {
        HttpRequest request = request(adminUrl, "/admin/v1/health", HEALTH_TIMEOUT).GET().build();
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

    /** Sends {@code state} with {@code PUT /admin/v1/desired-state}; every outcome is a value. */
    public DesiredStatePush pushDesiredState(String adminUrl, DesiredState state) {
        HttpRequest request = request(adminUrl, "/admin/v1/desired-state", PUSH_TIMEOUT)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(state)))
                .build();
        try {
            HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            int status = response.statusCode();
            if (status == 200) {
                return DesiredStatePush.applied(json.readValue(response.body(), AppliedState.class).appliedGeneration());
            }
            String error = "answered " + status + ": " + excerpt(response.body());
            return status / 100 == 4 ? DesiredStatePush.rejected(error) : DesiredStatePush.failed(error);
        } catch (IOException | JacksonException e) {
            return DesiredStatePush.failed("no valid answer: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return DesiredStatePush.failed("interrupted");
        }
    }

    /**
     * POSTs {@code body} as JSON to {@code path} of the node's admin API and reads a 200 answer as
     * {@code answerType}; every outcome is a value.
     */
    public <T> NodeAdminResult<T> post(String adminUrl, String path, Object body, Class<T> answerType) {
        HttpRequest request = request(adminUrl, path, PUSH_TIMEOUT)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body)))
                .build();
        try {
            HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                return new NodeAdminResult<>(response.statusCode(), null,
                        "answered " + response.statusCode() + ": " + excerpt(response.body()));
            }
            return new NodeAdminResult<>(200, json.readValue(response.body(), answerType), null);
        } catch (IOException | JacksonException e) {
            return new NodeAdminResult<>(0, null, "no valid answer: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new NodeAdminResult<>(0, null, "interrupted");
        }
    }

    private HttpRequest.Builder request(String adminUrl, String path, Duration timeout) {
        return HttpRequest.newBuilder(URI.create(adminUrl + path))
                .timeout(timeout)
                .header("Authorization", "Bearer " + nodeToken.value());
    }

    private static String excerpt(byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8);
        return text.length() <= MAX_ERROR_BODY ? text : text.substring(0, MAX_ERROR_BODY) + "…";
    }
}
