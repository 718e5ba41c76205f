package io.cloudmq.dataplane;

import static io.cloudmq.dataplane.AdminHttp.call;
import static io.cloudmq.dataplane.AdminHttp.get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import io.cloudmq.api.node.AppliedState;
import io.cloudmq.api.node.DesiredState;
import io.cloudmq.api.node.NodeHealthView;
import io.cloudmq.api.node.NodeRegistration;
import io.cloudmq.api.node.NodeRole;
import io.cloudmq.api.node.NodeServingView;
import io.cloudmq.dataplane.config.NodeJson;
import io.cloudmq.dataplane.lifecycle.SuccessorStart;
import io.cloudmq.dataplane.namesrv.OfficialBrokerClient;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.common.constant.PermName;
import org.apache.rocketmq.common.message.MessageQueue;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/** The shaded node jar, started as a child JVM the way the control plane's launcher starts it. */
class NodeIT {
    private static final JsonMapper JSON = NodeJson.mapper();
    private static final Duration EXIT_DEADLINE = Duration.ofSeconds(20);

    private static final int SHARED_ADMIN_PORT = AdminHttp.freePort();
    private static NodeProcess sharedNode;

    @TempDir
    static Path sharedDir;

    @TempDir
    Path dir;

    @BeforeAll
    static void startSharedNode() throws Exception {
        sharedNode = NodeProcess.start(sharedDir, NodeProcess.broker(sharedDir.resolve("data"), SHARED_ADMIN_PORT));
        sharedNode.awaitHealthy(SHARED_ADMIN_PORT);
    }

    @AfterAll
    static void stopSharedNode() throws Exception {
        sharedNode.close();
    }

    private static HttpResponse<String> putDesiredState(int adminPort, long generation) throws Exception {
        String body = """
                {"generation":%d,
                 "topics":[{"name":"MQ_INST_000000000001_abcdefgh%%orders","queues":8,"perm":6,"messageType":"NORMAL","maxMessageSize":4194304}],
                 "groups":[],"credentials":[],"operator":%s}""".formatted(generation,
                JSON.writeValueAsString(TestCredentials.operator()));
        return call(adminPort, "PUT", "/admin/v1/desired-state", NodeProcess.TOKEN, body.getBytes(StandardCharsets.UTF_8));
    }

    private static long appliedGeneration(HttpResponse<String> response) {
        assertThat(response.statusCode()).isEqualTo(200);
        return JSON.readValue(response.body(), AppliedState.class).appliedGeneration();
    }

    @Test
    void healthReportsTheChildProcessAndTheJarVersion() throws Exception {
        HttpResponse<String> response = get(SHARED_ADMIN_PORT, "/admin/v1/health", NodeProcess.TOKEN);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        NodeHealthView health = JSON.readValue(response.body(), NodeHealthView.class);
        assertThat(health.version()).isEqualTo(System.getProperty("project.version")).isNotEqualTo("dev");
        assertThat(health.pid()).isEqualTo(sharedNode.process().pid());
        assertThat(health.startedAt()).isBetween(Instant.now().minus(Duration.ofMinutes(5)), Instant.now());
        assertThat(health.nodeId()).isEqualTo("broker-a-0");
        assertThat(health.role()).isEqualTo(NodeRole.BROKER);
        assertThat(health.cluster()).isEqualTo("local");
        assertThat(health.brokerName()).isEqualTo("broker-a");
        assertThat(health.brokerId()).isZero();
    }

    @Test
    void refusesRequestsWithoutTheNodeToken() throws Exception {
        assertThat(get(SHARED_ADMIN_PORT, "/admin/v1/health", null).statusCode()).isEqualTo(401);
        assertThat(get(SHARED_ADMIN_PORT, "/admin/v1/metrics", "not-the-node-token").statusCode()).isEqualTo(401);
    }

    @Test
    void metricsArePrometheusTextWithJvmAndNodeInfo() throws Exception {
        HttpResponse<String> response = get(SHARED_ADMIN_PORT, "/admin/v1/metrics", NodeProcess.TOKEN);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/plain"));
        assertThat(response.body())
                .contains("jvm_memory_used_bytes{")
                .contains("process_cpu_usage")
                .contains("cloudmq_node_info{")
                .contains("node_id=\"broker-a-0\"");
    }

    @Test
    void logsToTheDataDirectory() throws Exception {
        Path log = sharedDir.resolve("data/logs/node.log");

        assertThat(log).exists();
        assertThat(Files.readString(log)).contains("Node broker-a-0 is up");
    }

    @Test
    void desiredStateIsPersistedAcrossARestartAfterWhichTheStoreRecoversNormally() throws Exception {
        int adminPort = AdminHttp.freePort();
        Map<String, String> properties = NodeProcess.broker(dir.resolve("data"), adminPort);
        NodeProcess first = NodeProcess.start(dir, properties);
        try (first) {
            first.awaitHealthy(adminPort);
            assertThat(appliedGeneration(putDesiredState(adminPort, 7))).isEqualTo(7);
            assertThat(appliedGeneration(putDesiredState(adminPort, 6))).isEqualTo(7);
        }
        assertThat(first.output()).as("SIGTERM runs the shutdown hook").contains("Stopped AdminServer");
        try (NodeProcess restarted = NodeProcess.start(dir, properties)) {
            restarted.awaitHealthy(adminPort);

            NodeHealthView health = JSON.readValue(
                    get(adminPort, "/admin/v1/health", NodeProcess.TOKEN).body(), NodeHealthView.class);
            assertThat(health.appliedGeneration()).as("health reports the reloaded generation").isEqualTo(7);
            NodeHealthView serving = await("the broker role started").atMost(Duration.ofSeconds(30)).until(() ->
                    JSON.readValue(get(adminPort, "/admin/v1/health", NodeProcess.TOKEN).body(), NodeHealthView.class),
                    view -> view.recovery() != null);
            assertThat(Objects.requireNonNull(serving.recovery()).mode()).as("the store after a clean stop")
                    .isEqualTo("NORMAL");
            assertThat(appliedGeneration(putDesiredState(adminPort, 7))).isEqualTo(7);
            assertThat(appliedGeneration(putDesiredState(adminPort, 5))).isEqualTo(7);
            assertThat(Files.readString(dir.resolve("data/desired-state.json")))
                    .contains("\"generation\":7", "MQ_INST_000000000001_abcdefgh%orders");
        }
    }

    @Test
    void closingStdinStopsTheNodeWhenParentWatchIsOn() throws Exception {
        int adminPort = AdminHttp.freePort();
        Map<String, String> properties = new HashMap<>(NodeProcess.broker(dir.resolve("data"), adminPort));
        properties.put("parent.watch", "true");
        try (NodeProcess node = NodeProcess.start(dir, properties)) {
            node.awaitHealthy(adminPort);

            node.process().getOutputStream().close();

            assertThat(node.awaitExit(EXIT_DEADLINE)).isEqualTo(NodeMain.EXIT_STOPPED);
            assertThat(node.output()).contains("parent process is gone", "Node broker-a-0 stopped");
        }
    }

    @Test
    void registersWithTheControlPlaneRetryingUntilAccepted() throws Exception {
        int adminPort = AdminHttp.freePort();
        Map<String, String> properties = new HashMap<>(NodeProcess.broker(dir.resolve("data"), adminPort));
        try (ControlPlaneStub controlPlane = new ControlPlaneStub()) {
            properties.put("control.plane.url", controlPlane.url());
            properties.put("bootstrap.token", "it-bootstrap-token");
            try (NodeProcess node = NodeProcess.start(dir, properties)) {
                await().atMost(Duration.ofSeconds(30)).until(() -> controlPlane.requests().size() >= 2);
                await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5))
                        .until(() -> controlPlane.requests().size() == 2);
            }
            for (ControlPlaneStub.Recorded request : controlPlane.requests()) {
                assertThat(request.method()).isEqualTo("POST");
                assertThat(request.path()).isEqualTo("/api/v1/clusters/local/nodes/registrations");
                assertThat(request.authorization()).isEqualTo("Bearer it-bootstrap-token");
                assertThat(JSON.readValue(request.body(), NodeRegistration.class)).isEqualTo(new NodeRegistration(
                        "broker-a-0", NodeRole.BROKER, "broker-a", 0, "http://127.0.0.1:" + adminPort,
                        "127.0.0.1:" + properties.get("listen.port")));
            }
        }
    }

    @Test
    void aNameServerNodeServesRoutesToTheOfficialClient() throws Exception {
        int listenPort = AdminHttp.freePort();
        Map<String, String> properties = Map.of(
                "role", "namesrv",
                "node.id", "namesrv-0",
                "data.dir", dir.resolve("data").toString(),
                "listen.port", Integer.toString(listenPort),
                "admin.port", Integer.toString(AdminHttp.freePort()),
                "admin.token", NodeProcess.TOKEN);
        String nameServer = "127.0.0.1:" + listenPort;
        try (NodeProcess node = NodeProcess.start(dir, properties);
                OfficialBrokerClient broker = new OfficialBrokerClient(nameServer, "broker-a", "127.0.0.1:10911", 0,
                        TestCredentials.operatorHook())) {
            int adminPort = Integer.parseInt(properties.get("admin.port"));
            node.awaitHealthy(adminPort);
            byte[] state = JSON.writeValueAsBytes(new DesiredState(1, List.of(), List.of(), List.of(),
                    TestCredentials.operator()));
            assertThat(call(adminPort, "PUT", "/admin/v1/desired-state", NodeProcess.TOKEN, state).statusCode())
                    .isEqualTo(200);
            await().atMost(Duration.ofSeconds(20)).ignoreExceptions()
                    .until(() -> broker.register(OfficialBrokerClient.topic("orders", 4, PermName.PERM_READ | PermName.PERM_WRITE)) != null);

            DefaultMQProducer producer = new DefaultMQProducer("node-it-producer", TestCredentials.operatorHook());
            producer.setNamesrvAddr(nameServer);
            producer.start();
            try {
                assertThat(producer.fetchPublishMessageQueues("orders"))
                        .extracting(MessageQueue::getBrokerName, MessageQueue::getQueueId)
                        .containsExactlyInAnyOrder(
                                tuple("broker-a", 0), tuple("broker-a", 1), tuple("broker-a", 2), tuple("broker-a", 3));
            } finally {
                producer.shutdown();
            }
            NodeServingView serving = Objects.requireNonNull(health(adminPort).serving(), "a name server's request log");
            assertThat(serving.drainPhase()).isEqualTo("SERVING");
            assertThat(serving.acceptingSince()).isNotNull();
            assertThat(serving.firstRequestServedAt()).as("the broker's registration").isNotNull()
                    .isAfterOrEqualTo(serving.acceptingSince());
            assertThat(serving.lastRequestServedAt()).as("the producer's route query")
                    .isAfterOrEqualTo(serving.firstRequestServedAt());
        }
    }

    @Test
    void exitsWithCodeOneWhenTheAdminPortIsTaken() throws Exception {
        try (ServerSocket taken = new ServerSocket(0);
                NodeProcess node = NodeProcess.start(dir, NodeProcess.broker(dir.resolve("data"), taken.getLocalPort()))) {
            assertThat(node.awaitExit(EXIT_DEADLINE)).isEqualTo(NodeMain.EXIT_FAILED);
            assertThat(node.output()).contains("AdminServer failed to start", "Node broker-a-0 failed to start");
        }
    }

    @Test
    void aHotSuccessorWarmsUpWaitsForItsPredecessorAndTakesOverTheDataDirectoryWhenItStops() throws Exception {
        int adminPort = AdminHttp.freePort();
        Map<String, String> properties = NodeProcess.broker(dir.resolve("data"), adminPort);
        Path ready = dir.resolve("data").resolve(SuccessorStart.READY_FILE);
        NodeProcess first = NodeProcess.start(dir, properties);
        try (first; NodeProcess successor = NodeProcess.startSuccessor(dir, properties)) {
            first.awaitHealthy(adminPort);
            assertThat(appliedGeneration(putDesiredState(adminPort, 3))).isEqualTo(3);
            await("the successor is warm").atMost(Duration.ofSeconds(30)).ignoreExceptions()
                    .until(() -> Files.readString(ready).equals(Long.toString(successor.process().pid())));
            assertThat(health(adminPort).pid()).as("the predecessor still serves").isEqualTo(first.process().pid());

            first.close();

            successor.awaitHealthy(adminPort);
            NodeHealthView health = await("the successor's broker started").atMost(Duration.ofSeconds(30))
                    .until(() -> health(adminPort), view -> view.recovery() != null);
            assertThat(health.pid()).isEqualTo(successor.process().pid());
            assertThat(health.appliedGeneration()).as("desired state read after the take-over").isEqualTo(3);
            assertThat(Objects.requireNonNull(health.recovery()).mode()).isEqualTo("NORMAL");
            assertThat(ready).doesNotExist();
            assertThat(successor.output()).contains("classes preloaded", "start-up paths exercised")
                    .doesNotContain("warm-up incomplete", "warm-up request failed", "warm-up sends succeeded");
            assertThat(Files.readString(dir.resolve("data/logs/node.log")))
                    .as("the successor logs once it took over, and nothing of its warm-up")
                    .contains("pid " + successor.process().pid() + ", data in")
                    .doesNotContain("cloudmq-warm-up");
        }
    }

    @Test
    void aSuccessorWhoseParentIsGoneStopsWaitingAndLeavesTheRunningNodeAlone() throws Exception {
        Map<String, String> properties = new HashMap<>(NodeProcess.broker(sharedDir.resolve("data"), SHARED_ADMIN_PORT));
        properties.put("parent.watch", "true");
        try (NodeProcess successor = NodeProcess.startSuccessor(dir, properties)) {
            await("the successor is warm").atMost(Duration.ofSeconds(30))
                    .until(() -> Files.exists(sharedDir.resolve("data").resolve(SuccessorStart.READY_FILE)));

            successor.process().getOutputStream().close();

            assertThat(successor.awaitExit(EXIT_DEADLINE)).isEqualTo(NodeMain.EXIT_STOPPED);
        }
        assertThat(health(SHARED_ADMIN_PORT).pid()).isEqualTo(sharedNode.process().pid());
    }

    @Test
    void aSecondNodeOnADataDirectoryInUseExitsWithCodeOne() throws Exception {
        Map<String, String> properties = NodeProcess.broker(sharedDir.resolve("data"), AdminHttp.freePort());
        try (NodeProcess node = NodeProcess.start(dir, properties)) {
            assertThat(node.awaitExit(EXIT_DEADLINE)).isEqualTo(NodeMain.EXIT_FAILED);
            assertThat(node.output()).contains("is in use by another node process");
        }
        assertThat(health(SHARED_ADMIN_PORT).pid()).isEqualTo(sharedNode.process().pid());
    }

    private static NodeHealthView health(int adminPort) throws Exception {
        return JSON.readValue(get(adminPort, "/admin/v1/health", NodeProcess.TOKEN).body(), NodeHealthView.class);
    }

    @Test
    void invalidConfigurationExitsWithCodeTwoAndSaysWhy() throws Exception {
        Map<String, String> properties = new HashMap<>(NodeProcess.broker(dir.resolve("data"), AdminHttp.freePort()));
        properties.remove("admin.token");
        properties.put("listen.port", "not-a-port");
        try (NodeProcess node = NodeProcess.start(dir, properties)) {
            assertThat(node.awaitExit(EXIT_DEADLINE)).isEqualTo(NodeMain.EXIT_INVALID_CONFIG);
            assertThat(node.output()).contains("invalid configuration", "admin.token: missing", "listen.port: \"not-a-port\"");
        }
    }
}
