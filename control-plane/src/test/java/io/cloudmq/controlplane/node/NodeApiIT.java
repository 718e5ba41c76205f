package io.cloudmq.controlplane.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import io.cloudmq.api.client.ManagementClient;
import io.cloudmq.api.client.ProblemException;
import io.cloudmq.api.node.NodeRole;
import io.cloudmq.api.node.NodeRecoveryView;
import io.cloudmq.api.node.NodeState;
import io.cloudmq.api.node.NodeView;
import io.cloudmq.api.problem.ErrorCode;
import io.cloudmq.controlplane.ApiClients;
import io.cloudmq.controlplane.EmbeddedPostgresInitializer;
import io.cloudmq.controlplane.EmbeddedPostgresSupport;
import io.cloudmq.controlplane.FullStackTest;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Node self-registration with the bootstrap token, and liveness and replication figures measured by the health
 * monitor.
 */
@FullStackTest
class NodeApiIT {
    private static final String REGISTRATIONS = "/api/v1/clusters/local/nodes/registrations";

    @LocalServerPort
    int port;

    private ManagementClient admin;
    private ManagementClient node;

    @BeforeEach
    void clients() {
        admin = ApiClients.admin(port);
        node = ApiClients.withToken(port, EmbeddedPostgresInitializer.NODE_BOOTSTRAP_TOKEN);
    }

    @Test
    void registrationNeedsTheBootstrapToken() {
        String nodeId = uniqueNodeId();

        assertThatThrownBy(() -> admin.exchange("POST", REGISTRATIONS, "application/json", body(nodeId, 1)))
                .isInstanceOfSatisfying(ProblemException.class, problem -> {
                    assertThat(problem.status()).isEqualTo(401);
                    assertThat(problem.code()).isEqualTo(ErrorCode.AUTHENTICATION_REQUIRED);
                });
        assertThat(admin.listNodes("local")).extracting(NodeView::nodeId).doesNotContain(nodeId);
    }

    @Test
    void aRegisteredNodeIsListedDownUntilItAnswersAHealthCheck() {
        String nodeId = uniqueNodeId();

        node.exchange("POST", REGISTRATIONS, "application/json", body(nodeId, 1));

        NodeView listed = find(nodeId);
        assertThat(listed.role()).isEqualTo(NodeRole.BROKER);
        assertThat(listed.brokerName()).isEqualTo("broker-z");
        assertThat(listed.state()).isEqualTo(NodeState.DOWN);
        assertThat(listed.pid()).isNull();
    }

    @Test
    void healthChecksMarkANodeUpAndTwoMissesMarkItDown() throws IOException {
        String nodeId = uniqueNodeId();
        String nodeToken = Files.readString(EmbeddedPostgresSupport.dataDir().resolve("node.token")).strip();
        HttpServer stub = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        stub.createContext("/admin/v1/health", exchange -> {
            boolean authorized = ("Bearer " + nodeToken).equals(exchange.getRequestHeaders().getFirst("Authorization"));
            byte[] answer = ("""
                    {"nodeId":"%s","role":"BROKER","cluster":"local","brokerName":"broker-z","brokerId":1,
                     "version":"9.9.9","pid":4242,"startedAt":"2026-11-22T00:00:00Z","remotingPort":10921,
                     "appliedGeneration":0,"recovery":{"mode":"CRASH","durationMillis":12,
                     "recoveredOffset":4096,"tornTailTruncated":true}}"""
                    .formatted(nodeId)).getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(authorized ? 200 : 401, authorized ? answer.length : -1);
            if (authorized) {
                exchange.getResponseBody().write(answer);
            }
            exchange.close();
        });
        stub.createContext("/admin/v1/replication", exchange -> {
            byte[] answer = """
                    {"brokerRole":"SLAVE","brokerId":1,"epoch":3,"endOffset":4096,"syncAckedOffset":-1,
                     "inSync":false,"lagBytes":2048,"lagMillis":3500}""".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        stub.start();
        try {
            node.exchange("POST", REGISTRATIONS, "application/json", body(nodeId, stub.getAddress().getPort()));

            await("node UP with replication figures").atMost(Duration.ofSeconds(20))
                    .until(() -> find(nodeId).replication() != null);
            NodeView up = find(nodeId);
            assertThat(up.state()).isEqualTo(NodeState.UP);
            assertThat(up.pid()).isEqualTo(4242);
            assertThat(up.version()).isEqualTo("9.9.9");
            assertThat(up.lastSeenAt()).isNotNull();
            assertThat(up.replication().brokerRole()).isEqualTo("SLAVE");
            assertThat(up.replication().epoch()).isEqualTo(3);
            assertThat(up.replication().confirmedOffset()).isEqualTo(4096);
            assertThat(up.replication().lagBytes()).isEqualTo(2048);
            assertThat(up.replication().lagMillis()).isEqualTo(3500);
            assertThat(up.replication().inSync()).isFalse();
            assertThat(up.recovery()).as("the store's recovery at the node's start")
                    .isEqualTo(new NodeRecoveryView("CRASH", 12, 4096, true));
        } finally {
            stub.stop(0);
        }
        await("node DOWN after two missed checks").atMost(Duration.ofSeconds(20))
                .until(() -> find(nodeId).state() == NodeState.DOWN);
    }

    @Test
    void unknownClusterAndInvalidRegistrationAreClientErrors() {
        assertThatThrownBy(() -> admin.listNodes("no-such-cluster"))
                .isInstanceOfSatisfying(ProblemException.class, problem -> assertThat(problem.status()).isEqualTo(404));
        assertThatThrownBy(() -> node.exchange("POST", "/api/v1/clusters/no-such-cluster/nodes/registrations",
                        "application/json", body(uniqueNodeId(), 1)))
                .isInstanceOfSatisfying(ProblemException.class, problem -> assertThat(problem.status()).isEqualTo(404));

        byte[] badUrl = """
                {"nodeId":"n1","role":"BROKER","brokerName":"b","brokerId":0,
                 "adminUrl":"not a url","remotingAddress":"127.0.0.1:1"}""".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> node.exchange("POST", REGISTRATIONS, "application/json", badUrl))
                .isInstanceOfSatisfying(ProblemException.class, problem -> {
                    assertThat(problem.status()).isEqualTo(400);
                    assertThat(problem.code()).isEqualTo(ErrorCode.VALIDATION);
                });
    }

    private NodeView find(String nodeId) {
        return admin.listNodes("local").stream().filter(n -> n.nodeId().equals(nodeId)).findFirst().orElseThrow();
    }

    private static String uniqueNodeId() {
        return "it-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static byte[] body(String nodeId, int adminPort) {
        return """
                {"nodeId":"%s","role":"BROKER","brokerName":"broker-z","brokerId":1,
                 "adminUrl":"http://127.0.0.1:%d","remotingAddress":"127.0.0.1:10921"}"""
                .formatted(nodeId, adminPort).getBytes(StandardCharsets.UTF_8);
    }
}
