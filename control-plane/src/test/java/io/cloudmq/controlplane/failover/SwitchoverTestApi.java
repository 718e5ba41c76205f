package io.cloudmq.controlplane.failover;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cloudmq.api.client.ManagementClient;
import io.cloudmq.api.failover.SwitchoverJobState;
import io.cloudmq.api.failover.SwitchoverJobView;
import io.cloudmq.api.node.NodeState;
import io.cloudmq.api.node.NodeView;
import io.cloudmq.controlplane.ApiClients;
import io.cloudmq.controlplane.EmbeddedPostgresInitializer;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the switchover ITs drive on the full-stack application's cluster {@code local}: stub brokers registered
 * and awaited UP, the switchover request as raw HTTP (status and headers visible), its job awaited to its end.
 * Thread-safe.
 */
final class SwitchoverTestApi {
    static final String CLUSTER = "local";
    private static final String REGISTRATIONS = "/api/v1/clusters/" + CLUSTER + "/nodes/registrations";
    private static final Duration DEADLINE = Duration.ofSeconds(30);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final int port;
    private final ManagementClient admin;
    private final ManagementClient nodeClient;
    private final HttpClient http = HttpClient.newHttpClient();

    SwitchoverTestApi(int port) {
        this.port = port;
        this.admin = ApiClients.admin(port);
        this.nodeClient = ApiClients.withToken(port, EmbeddedPostgresInitializer.NODE_BOOTSTRAP_TOKEN);
    }

    /** The admin's typed client. */
    ManagementClient admin() {
        return admin;
    }

    /** Registers {@code brokers} in order as broker ids 0, 1, … and waits until each is UP. */
    void registerUp(StubBroker... brokers) {
        for (int brokerId = 0; brokerId < brokers.length; brokerId++) {
            nodeClient.exchange("POST", REGISTRATIONS, "application/json", brokers[brokerId].registration(brokerId));
        }
        for (StubBroker broker : brokers) {
            await(broker.nodeId() + " UP").atMost(DEADLINE).until(() -> find(broker.nodeId()).state() == NodeState.UP);
        }
    }

    /** The registry's view of {@code nodeId}. */
    NodeView find(String nodeId) {
        return admin.listNodes(CLUSTER).stream().filter(n -> n.nodeId().equals(nodeId)).findFirst().orElseThrow();
    }

    /** {@code POST .../broker-groups/{brokerName}/switchover} as the admin, with {@code idempotencyKey} if any. */
    HttpResponse<String> requestSwitchover(String brokerName, @Nullable String idempotencyKey)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(ApiClients.baseUrl(port)
                        .resolve("/api/v1/clusters/" + CLUSTER + "/broker-groups/" + brokerName + "/switchover"))
                .header("Authorization", "Bearer " + ApiClients.bootstrapToken())
                .POST(HttpRequest.BodyPublishers.noBody());
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /**
     * Asserts that {@code response} is exactly 202 with the new job: a PENDING job in the body whose status URL
     * is the {@code Location}; answers the job's id.
     */
    static UUID acceptedJob(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));
        JsonNode job = JSON.readTree(response.body());
        UUID jobId = UUID.fromString(job.get("id").asString());
        assertThat(job.get("state").asString()).isEqualTo(SwitchoverJobState.PENDING.name());
        assertThat(response.headers().firstValue("Location"))
                .hasValue("/api/v1/clusters/" + CLUSTER + "/switchover-jobs/" + jobId);
        return jobId;
    }

    /** Waits until job {@code jobId} is terminal and answers it. */
    SwitchoverJobView awaitEnd(UUID jobId) {
        return await("switchover " + jobId + " ends").atMost(DEADLINE)
                .until(() -> admin.getSwitchoverJob(CLUSTER, jobId), job -> job.state().terminal());
    }
}
