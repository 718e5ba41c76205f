package io.cloudmq.controlplane;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Health, metrics and the API description are served without an API key. */
@FullStackTest
class OperationsIT {
    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void healthIsUp() throws Exception {
        HttpResponse<String> health = get("/actuator/health");

        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\":\"UP\"");
    }

    @Test
    void prometheusExposesHttpAndJvmMetrics() throws Exception {
        ApiClients.admin(port).listClusters();

        HttpResponse<String> metrics = get("/actuator/prometheus");

        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("jvm_memory_used_bytes", "http_server_requests_seconds_count");
    }

    @Test
    void openApiDocumentDescribesEveryResource() throws Exception {
        HttpResponse<String> document = get("/v3/api-docs");

        assertThat(document.statusCode()).isEqualTo(200);
        assertThat(document.body()).contains("/api/v1/instances", "/api/v1/instances/{instanceId}/topics",
                "/api/v1/instances/{instanceId}/consumer-groups", "/api/v1/clusters/{clusterId}/upgrade-windows",
                "/api/v1/audit-events", "/api/v1/api-keys", "\"scheme\":\"bearer\"");
        assertThat(get("/swagger-ui/index.html").statusCode()).isEqualTo(200);
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
