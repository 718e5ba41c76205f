package io.cloudmq.dataplane.admin;

import io.cloudmq.api.node.NodeRegistration;
import io.cloudmq.dataplane.config.ControlPlaneEndpoint;
import io.cloudmq.dataplane.config.NodeConfig;
import io.cloudmq.dataplane.lifecycle.DaemonThreadFactory;
import io.cloudmq.dataplane.lifecycle.Lifecycle;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * Distributed mode: announces the node to the control plane with
 * {@code POST {url}/api/v1/clusters/{cluster}/nodes/registrations} (body {@link NodeRegistration},
 * {@code Authorization: Bearer <bootstrap token>}), retrying with {@link Backoff} after any answer other
 * than 2xx or a transport failure, and stopping once accepted. Attempts run on one daemon thread;
 * {@link #close()} cancels the pending attempt.
 */
public final class ControlPlaneRegistration implements Lifecycle {
    private static final Logger log = LoggerFactory.getLogger(ControlPlaneRegistration.class);

    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final int MAX_LOGGED_BODY = 300;

    private final ControlPlaneEndpoint controlPlane;
    private final URI registrationsUri;
    private final byte[] body;
    private final Backoff backoff;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    private final ScheduledExecutorService scheduler =
            Executors.newSingleThreadScheduledExecutor(new DaemonThreadFactory("control-plane-registration"));

    public ControlPlaneRegistration(NodeConfig config, ControlPlaneEndpoint controlPlane, JsonMapper json, Backoff backoff) {
        this.controlPlane = controlPlane;
        this.registrationsUri = URI.create(
                controlPlane.url() + "/api/v1/clusters/" + config.cluster() + "/nodes/registrations");
        this.body = json.writeValueAsBytes(registrationOf(config, controlPlane));
        this.backoff = backoff;
    }

    static NodeRegistration registrationOf(NodeConfig config, ControlPlaneEndpoint controlPlane) {
        String adminUrl = controlPlane.adminUrl() != null
                ? controlPlane.adminUrl().toString()
                : "http://" + config.advertisedHost() + ":" + config.adminPort();
        return new NodeRegistration(config.nodeId(), config.role(), config.brokerName(), config.brokerId(),
                adminUrl,
                config.advertisedHost() + ":" + config.listenPort());
    }

    @Override
    public void start() {
        scheduler.execute(() -> attempt(backoff.initial()));
    }

    private void attempt(Duration nextDelay) {
        HttpRequest request = HttpRequest.newBuilder(registrationsUri)
                .timeout(TIMEOUT)
                .header("Authorization", "Bearer " + controlPlane.bootstrapToken().value())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 == 2) {
                log.info("Registered with the control plane at {} (HTTP {})", registrationsUri, response.statusCode());
                return;
            }
            log.warn("Control plane refused the registration (HTTP {}: {}); retrying in {}",
                    response.statusCode(), abbreviate(response.body()), nextDelay);
        } catch (IOException e) {
            log.warn("Control plane unreachable at {} ({}); retrying in {}", registrationsUri, e.toString(), nextDelay);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        try {
            scheduler.schedule(() -> attempt(backoff.next(nextDelay)), nextDelay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            log.debug("Registration retry dropped: node is shutting down");
        }
    }

    private static String abbreviate(String text) {
        return text.length() <= MAX_LOGGED_BODY ? text : text.substring(0, MAX_LOGGED_BODY) + "…";
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
