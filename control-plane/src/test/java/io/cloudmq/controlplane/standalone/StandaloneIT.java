package io.cloudmq.controlplane.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.cloudmq.api.client.ManagementClient;
import io.cloudmq.api.client.ProblemException;
import io.cloudmq.api.consumergroup.CreateConsumerGroupRequest;
import io.cloudmq.api.consumergroup.DeadLetterResendRequest;
import io.cloudmq.api.consumergroup.DeadLetterResendView;
import io.cloudmq.api.consumergroup.DeadLetterView;
import io.cloudmq.api.consumergroup.OffsetResetRequest;
import io.cloudmq.api.consumergroup.OffsetResetTarget;
import io.cloudmq.api.consumergroup.OffsetResetView;
import io.cloudmq.api.credential.CreateCredentialRequest;
import io.cloudmq.api.credential.CreatedCredentialView;
import io.cloudmq.api.credential.CredentialRole;
import io.cloudmq.api.instance.CreateInstanceRequest;
import io.cloudmq.api.instance.InstanceTier;
import io.cloudmq.api.instance.InstanceView;
import io.cloudmq.api.message.DeliveryState;
import io.cloudmq.api.message.MessageDeliveryView;
import io.cloudmq.api.message.MessageView;
import io.cloudmq.api.node.NodeState;
import io.cloudmq.api.node.NodeView;
import io.cloudmq.api.reconcile.NodeReconciliationView;
import io.cloudmq.api.reconcile.OutboxEntryView;
import io.cloudmq.api.reconcile.OutboxState;
import io.cloudmq.api.reconcile.ReconciliationView;
import io.cloudmq.api.topic.CreateTopicRequest;
import io.cloudmq.api.topic.MessageType;
import io.cloudmq.api.topic.TopicView;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.rocketmq.acl.common.AclClientRPCHook;
import org.apache.rocketmq.acl.common.SessionCredentials;
import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.client.consumer.listener.ConsumeConcurrentlyStatus;
import org.apache.rocketmq.client.consumer.listener.MessageListenerConcurrently;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.client.producer.SendResult;
import org.apache.rocketmq.client.producer.SendStatus;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.common.message.MessageExt;
import org.apache.rocketmq.remoting.RPCHook;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer.OrderAnnotation;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Standalone mode as a user runs it: {@code java -jar control-plane.jar} starts a real PostgreSQL and six
 * node JVMs; the registry measures their liveness; stopping or killing the control plane leaves nothing
 * running, and the next start keeps the data; REST changes reach the nodes through the reconcile outbox, and a
 * node restarted without its state gets it back; the read APIs show what was sent and consumed; a consumer
 * group's offsets are reset (dry run, apply, undo) and a dead letter is resent through REST. The test reads
 * reconciliation only through the REST API, never from the node admin API. The steps build on each other, so
 * they run in order.
 */
@TestMethodOrder(OrderAnnotation.class)
class StandaloneIT {
    /** This class's node port base (see {@link ControlPlaneProcess#start(Path, int, int)}). */
    private static final int PORT_BASE = 29876;
    /** A start on a starved machine (three standalone clusters of the test JVMs at once) has taken over 3 minutes. */
    private static final Duration START_DEADLINE = Duration.ofMinutes(6);
    private static final Duration NODE_DEADLINE = Duration.ofSeconds(60);
    private static final String NODE_JAR = "cloudmq-node.jar";

    @TempDir
    static Path dataDir;

    /**
     * Fixed, below the kernel's ephemeral range (32768 and up): the control plane restarts on this port, and a
     * port picked from the ephemeral range may have become some client connection's local port in between.
     */
    private static final int HTTP_PORT = PORT_BASE - 1;
    private static ControlPlaneProcess app;
    private static ManagementClient client;
    private static String instanceId;
    private static String reconciledInstanceId;
    private static OffsetResetView timeReset;

    @BeforeAll
    static void startControlPlane() throws IOException {
        app = ControlPlaneProcess.start(dataDir, HTTP_PORT, PORT_BASE);
        client = app.awaitAdminClient(START_DEADLINE);
    }

    @AfterAll
    static void stopEverything() {
        if (app != null) {
            app.killWithItsProcesses();
        }
    }

    @Test
    @Order(1)
    void allSixNodesComeUpWithTheirHealthFields() {
        List<NodeView> nodes = awaitAllUp();
        assertThat(nodes).extracting(NodeView::nodeId).containsExactly(
                "broker-a-0", "broker-a-1", "broker-b-0", "broker-b-1", "namesrv-0", "namesrv-1");
        assertThat(nodes).allSatisfy(node -> {
            assertThat(node.version()).isEqualTo(System.getProperty("cloudmq.version"));
            assertThat(node.pid()).isNotNull();
            assertThat(ControlPlaneProcess.commandLine(node.pid())).contains(NODE_JAR)
                    .as("the node maps its classes from the runtime's class-data archive")
                    .contains("-XX:SharedArchiveFile=" + dataDir.resolve("runtime")
                            .resolve(System.getProperty("cloudmq.version")).resolve("cloudmq-node.jsa"));
            assertThat(node.startedAt()).isNotNull();
        });
        assertThat(nodes).filteredOn(node -> node.nodeId().equals("broker-b-1"))
                .singleElement()
                .satisfies(node -> {
                    assertThat(node.brokerName()).isEqualTo("broker-b");
                    assertThat(node.brokerId()).isEqualTo(1);
                    assertThat(node.remotingAddress()).isEqualTo("127.0.0.1:" + (10941 + shift()));
                });
    }

    @Test
    @Order(2)
    void killedNodeIsReportedDownThenRestartedWithANewPid() {
        NodeView victim = node("broker-a-0");
        long oldPid = victim.pid();
        assertThat(ControlPlaneProcess.commandLine(oldPid)).contains(NODE_JAR);

        ProcessHandle.of(oldPid).orElseThrow().destroyForcibly();

        await("broker-a-0 reported DOWN").atMost(NODE_DEADLINE).pollInterval(Duration.ofMillis(200))
                .until(() -> node("broker-a-0").state() == NodeState.DOWN);
        await("broker-a-0 restarted").atMost(NODE_DEADLINE)
                .until(() -> {
                    NodeView now = node("broker-a-0");
                    return now.state() == NodeState.UP && now.pid() != oldPid;
                });
        assertThat(ControlPlaneProcess.commandLine(node("broker-a-0").pid())).contains(NODE_JAR);
    }

    @Test
    @Order(3)
    void stoppedProcessIsReportedDown() throws Exception {
        long pid = node("namesrv-1").pid();
        signal("STOP", pid);
        try {
            await("SIGSTOPped namesrv-1 reported DOWN").atMost(NODE_DEADLINE)
                    .until(() -> node("namesrv-1").state() == NodeState.DOWN);
            assertThat(ProcessHandle.of(pid)).hasValueSatisfying(handle -> assertThat(handle.isAlive()).isTrue());
        } finally {
            signal("CONT", pid);
        }
        await("namesrv-1 UP again after SIGCONT").atMost(NODE_DEADLINE)
                .until(() -> node("namesrv-1").state() == NodeState.UP);
        assertThat(node("namesrv-1").pid()).isEqualTo(pid);
    }

    @Test
    @Order(4)
    void killedControlPlaneTakesItsProcessesWithItAndTheNextStartKeepsTheData() throws IOException {
        instanceId = client.createInstance(
                new CreateInstanceRequest("kept-across-restarts", null, "local", InstanceTier.SINGLE_NODE, null), null)
                .id();
        String masterKey = Files.readString(dataDir.resolve("master.key"));
        String operatorCredential = Files.readString(dataDir.resolve("operator.credential"));

        app.kill();

        await("nodes and PostgreSQL exit after the control plane was killed").atMost(Duration.ofSeconds(30))
                .until(() -> app.processesOfDataDir().isEmpty());

        app = ControlPlaneProcess.start(dataDir, HTTP_PORT, PORT_BASE);
        client = app.awaitAdminClient(START_DEADLINE);
        assertThat(client.getInstance(instanceId).name()).isEqualTo("kept-across-restarts");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir.resolve("master.key"))))
                .isEqualTo("rw-------");
        assertThat(Files.readString(dataDir.resolve("master.key"))).isEqualTo(masterKey);
        assertThat(Files.readString(dataDir.resolve("operator.credential"))).isEqualTo(operatorCredential)
                .startsWith("accessKey=" + client.getOperatorCredential("local").accessKey() + "\n");
        awaitAllUp();
    }

    @Test
    @Order(6)
    void restChangesReachEveryBrokerOfTheTopicsPlacementThroughTheOutbox() {
        reconciledInstanceId = client.createInstance(
                new CreateInstanceRequest("reconciled", null, "local", InstanceTier.SINGLE_NODE, null), null).id();
        TopicView topic = client.createTopic(reconciledInstanceId, new CreateTopicRequest(
                "orders", MessageType.NORMAL, null, null, null), null);
        client.createConsumerGroup(reconciledInstanceId, new CreateConsumerGroupRequest(
                "billing", null, null, null, null), null);

        await("both outbox rows DONE").atMost(NODE_DEADLINE).pollInterval(Duration.ofMillis(200))
                .until(() -> outboxRowsOf(reconciledInstanceId).stream()
                        .filter(row -> row.state() == OutboxState.DONE).count() == 2);
        long generation = outboxRowsOf(reconciledInstanceId).stream()
                .mapToLong(OutboxEntryView::generation).max().orElseThrow();
        ReconciliationView reconciliation = client.getReconciliation("local");
        assertThat(reconciliation.desiredGeneration()).isEqualTo(generation);
        assertThat(reconciliation.nodes())
                .filteredOn(node -> node.brokerName() != null
                        && topic.placement().brokerGroups().contains(node.brokerName()))
                .extracting(NodeReconciliationView::nodeId)
                .containsExactly("broker-a-0", "broker-a-1", "broker-b-0", "broker-b-1");
        assertThat(reconciliation.nodes()).hasSize(6).allSatisfy(node -> {
            assertThat(node.appliedGeneration()).as(node.nodeId()).isEqualTo(generation);
            assertThat(node.lastError()).as(node.nodeId()).isNull();
        });
    }

    /**
     * The client signs with a credential created through REST ({@code AclClientRPCHook}) and uses
     * {@code setNamespace(instanceId)}: names on the wire become {@code <instanceId>%<name>}, as the reconciler
     * pushes them. Everything else is the client's default. The credential reaches every node through the
     * outbox before the clients start.
     */
    @Test
    @Order(7)
    void aProducerStartedAfterTheTopicIsCreatedSendsAndAConsumerReceives() throws Exception {
        String nameServers = nameServers();
        CreatedCredentialView credential = client.createCredential(reconciledInstanceId,
                new CreateCredentialRequest(CredentialRole.PUB_SUB, null, null), null);
        await("the credential's outbox row DONE").atMost(NODE_DEADLINE).pollInterval(Duration.ofMillis(200))
                .until(() -> outboxRowsOf(reconciledInstanceId).stream()
                        .filter(row -> row.state() == OutboxState.DONE).count() == 3);
        RPCHook signing = new AclClientRPCHook(
                new SessionCredentials(credential.credential().accessKey(), credential.secretKey()));
        List<String> received = new CopyOnWriteArrayList<>();
        DefaultMQPushConsumer consumer = new DefaultMQPushConsumer("billing", signing);
        consumer.setNamespace(reconciledInstanceId);
        consumer.setNamesrvAddr(nameServers);
        consumer.subscribe("orders", "*");
        consumer.registerMessageListener((MessageListenerConcurrently) (messages, context) -> {
            messages.forEach(message -> received.add(new String(message.getBody(), StandardCharsets.UTF_8)));
            return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
        });
        DefaultMQProducer producer = new DefaultMQProducer("standalone-it-producer", signing);
        producer.setNamespace(reconciledInstanceId);
        producer.setNamesrvAddr(nameServers);
        consumer.start();
        producer.start();
        try {
            SendResult[] sent = new SendResult[1];
            await("first send within 5 s of the topic being applied").atMost(Duration.ofSeconds(5))
                    .ignoreExceptions()
                    .until(() -> {
                        sent[0] = producer.send(new Message("orders", "hello".getBytes(StandardCharsets.UTF_8)));
                        return sent[0].getSendStatus() == SendStatus.SEND_OK;
                    });
            await("the consumer receives it").atMost(NODE_DEADLINE).until(() -> received.contains("hello"));
        } finally {
            producer.shutdown();
            consumer.shutdown();
        }
    }

    @Test
    @Order(8)
    void brokerRestartedWithoutItsDesiredStateGetsItBackFromTheDriftRepair() throws IOException {
        Path stateFile = dataDir.resolve("broker-b-1").resolve("desired-state.json");
        assertThat(stateFile).exists();
        long pid = node("broker-b-1").pid();
        Instant killedAt = Instant.now();
        Files.delete(stateFile);

        ProcessHandle.of(pid).orElseThrow().destroyForcibly();

        await("broker-b-1 restarted and repaired").atMost(NODE_DEADLINE).pollInterval(Duration.ofMillis(500))
                .until(() -> {
                    NodeReconciliationView node = reconciliationOf("broker-b-1");
                    return node.inSync() && node.lastError() == null && node.lastAttemptAt() != null
                            && node.lastAttemptAt().isAfter(killedAt);
                });
        await("broker-b-1 registered with its new pid").atMost(NODE_DEADLINE)
                .until(() -> node("broker-b-1").pid() != pid);
        assertThat(Files.readString(stateFile)).contains(reconciledInstanceId + "%orders", reconciledInstanceId + "%billing");
    }

    /**
     * The read APIs against the real nodes, with the clients of step 7 (signed with a REST-created credential,
     * {@code setNamespace}, otherwise default): topic stats count exactly what this step sent, the group's
     * consumer shows with its SDK version while connected, lag equals the messages sent after it stopped, a
     * query by key or either id answers the message as CONSUMED by the group, the metrics history shows the lag,
     * and unknown names or wrong query parameters are 404 and 400 problems.
     */
    @Test
    @Order(9)
    void readApisShowTopicStatsConsumersLagMessagesAndMetricsHistory() throws Exception {
        CreatedCredentialView credential = client.createCredential(reconciledInstanceId,
                new CreateCredentialRequest(CredentialRole.PUB_SUB, null, null), null);
        RPCHook signing = new AclClientRPCHook(
                new SessionCredentials(credential.credential().accessKey(), credential.secretKey()));
        long countBefore = client.getTopicStats(reconciledInstanceId, "orders").messageCount();
        List<String> received = new CopyOnWriteArrayList<>();
        DefaultMQPushConsumer consumer = readApiConsumer(signing, received);
        DefaultMQProducer producer = new DefaultMQProducer("standalone-it-read-producer", signing);
        producer.setNamespace(reconciledInstanceId);
        producer.setNamesrvAddr(nameServers());
        List<SendResult> consumed = new ArrayList<>();
        producer.start();
        try {
            consumer.start();
            await("the credential reached the nodes").atMost(NODE_DEADLINE).ignoreExceptions().until(() ->
                    consumed.add(producer.send(new Message("orders", "tagR", "read-key-0", "read-0".getBytes(StandardCharsets.UTF_8)))));
            consumed.add(producer.send(new Message("orders", "tagR", "read-key-1", "read-1".getBytes(StandardCharsets.UTF_8))));
            await("the consumer receives both").atMost(NODE_DEADLINE).until(() -> received.containsAll(List.of("read-0", "read-1")));
            await("offsets committed").atMost(NODE_DEADLINE)
                    .until(() -> client.getConsumerLag(reconciledInstanceId, "billing").totalLag() == 0);

            assertThat(client.getTopicStats(reconciledInstanceId, "orders").messageCount()).isEqualTo(countBefore + 2);
            assertThat(client.getConsumerClients(reconciledInstanceId, "billing").clients()).singleElement()
                    .satisfies(clientView -> {
                        assertThat(clientView.clientId()).isEqualTo(consumer.getDefaultMQPushConsumerImpl()
                                .getmQClientFactory().getClientId());
                        assertThat(clientView.language()).isEqualTo("JAVA");
                        assertThat(clientView.version()).isEqualTo(513);
                        assertThat(clientView.versionName()).isEqualTo("V5_5_0");
                    });
        } finally {
            consumer.shutdown();
        }
        try {
            producer.send(new Message("orders", "after-stop-0".getBytes(StandardCharsets.UTF_8)));
            producer.send(new Message("orders", "after-stop-1".getBytes(StandardCharsets.UTF_8)));
            producer.send(new Message("orders", "after-stop-2".getBytes(StandardCharsets.UTF_8)));
        } finally {
            producer.shutdown();
        }

        assertThat(client.getTopicStats(reconciledInstanceId, "orders").messageCount()).isEqualTo(countBefore + 5);
        assertThat(client.getConsumerLag(reconciledInstanceId, "billing").totalLag()).isEqualTo(3);
        SendResult first = consumed.get(0);
        MessageView byKey = client.queryMessagesByKey(reconciledInstanceId, "orders", "read-key-0").messages().get(0);
        assertThat(byKey.messageId()).isEqualTo(first.getOffsetMsgId());
        assertThat(byKey.topic()).isEqualTo("orders");
        assertThat(byKey.tags()).isEqualTo("tagR");
        assertThat(byKey.body()).isEqualTo("read-0");
        assertThat(byKey.deliveries()).filteredOn(delivery -> delivery.group().equals("billing")).singleElement()
                .extracting(MessageDeliveryView::state).isEqualTo(DeliveryState.CONSUMED);
        assertThat(client.queryMessageById(reconciledInstanceId, first.getOffsetMsgId()).messages())
                .singleElement().isEqualTo(byKey);
        assertThat(client.queryMessageById(reconciledInstanceId, first.getMsgId()).messages())
                .singleElement().isEqualTo(byKey);
        await("the metrics history shows the lag").atMost(NODE_DEADLINE).until(() ->
                client.getConsumerGroupMetrics(reconciledInstanceId, "billing").points().stream()
                        .anyMatch(point -> Double.valueOf(3).equals(point.values().get("lag"))));
        assertThat(client.getTopicMetrics(reconciledInstanceId, "orders").intervalSeconds()).isEqualTo(10);

        assertProblem(404, () -> client.getTopicStats(reconciledInstanceId, "no-such-topic"));
        assertProblem(404, () -> client.getConsumerLag(reconciledInstanceId, "no-such-group"));
        assertProblem(400, () -> client.exchange("GET", "/api/v1/instances/" + reconciledInstanceId
                + "/messages?messageId=x&topic=orders&key=k", null, null));
        assertProblem(400, () -> client.exchange("GET", "/api/v1/instances/" + reconciledInstanceId + "/messages",
                null, null));
    }

    private static DefaultMQPushConsumer readApiConsumer(RPCHook signing, List<String> received) throws Exception {
        DefaultMQPushConsumer consumer = new DefaultMQPushConsumer("billing", signing);
        consumer.setNamespace(reconciledInstanceId);
        consumer.setNamesrvAddr(nameServers());
        consumer.subscribe("orders", "*");
        consumer.registerMessageListener((MessageListenerConcurrently) (messages, context) -> {
            messages.forEach(message -> received.add(new String(message.getBody(), StandardCharsets.UTF_8)));
            return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
        });
        return consumer;
    }

    private static String nameServers() {
        return "127.0.0.1:" + PORT_BASE + ";127.0.0.1:" + (PORT_BASE + 1);
    }

    private static void assertProblem(int status, ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOfSatisfying(ProblemException.class,
                problem -> assertThat(problem.status()).isEqualTo(status));
    }

    /**
     * Backtracking with no consumer online: the dry run of a reset to a time between two batches counts the later
     * batch as redelivered, and after the reset the group receives exactly that batch again.
     */
    @Test
    @Order(10)
    void aResetToATimeRedeliversExactlyWhatItsDryRunCounted() throws Exception {
        RPCHook signing = resetTestSigning();
        List<String> received = new CopyOnWriteArrayList<>();
        DefaultMQProducer producer = resetTestProducer(signing);
        DefaultMQPushConsumer consumer = resetTestConsumer(signing, received);
        long resetPoint;
        try {
            sendBatch(producer, "early", 8);
            resetPoint = System.currentTimeMillis() + 1;
            await().until(() -> System.currentTimeMillis() > resetPoint);
            sendBatch(producer, "late", 6);
            await("both batches consumed").atMost(NODE_DEADLINE).until(() -> received.size() >= 14);
            awaitOffsetsAtTheEnd();
        } finally {
            consumer.shutdown();
        }
        var toResetPoint = new OffsetResetRequest(OffsetResetTarget.TIMESTAMP, Instant.ofEpochMilli(resetPoint), true);

        OffsetResetView plan = client.resetOffsets(reconciledInstanceId, "billing", toResetPoint, null);
        OffsetResetView applied = client.resetOffsets(reconciledInstanceId, "billing",
                new OffsetResetRequest(OffsetResetTarget.TIMESTAMP, Instant.ofEpochMilli(resetPoint), false), null);

        assertThat(plan.totalRedelivered()).isEqualTo(6);
        assertThat(plan.totalSkipped()).isZero();
        assertThat(applied.queues()).isEqualTo(plan.queues());
        timeReset = applied;
        received.clear();
        DefaultMQPushConsumer again = resetTestConsumer(signing, received);
        try {
            await("the late batch received again").atMost(Duration.ofSeconds(90)).until(() -> received.size() >= 6);
            awaitOffsetsAtTheEnd();
            assertThat(received).hasSize((int) plan.totalRedelivered()).allMatch(body -> body.startsWith("late-"));
        } finally {
            again.shutdown();
            producer.shutdown();
        }
    }

    @Test
    @Order(11)
    void undoRestoresTheOffsetsTheNewestResetReplacedAndRefusesAnOlderOne() {
        OffsetResetView earliest = client.resetOffsets(reconciledInstanceId, "billing",
                new OffsetResetRequest(OffsetResetTarget.EARLIEST, null, false), null);
        assertThat(latestPlan("billing").totalSkipped()).isEqualTo(earliest.totalRedelivered()).isPositive();

        assertThatThrownBy(() -> client.undoOffsetReset(reconciledInstanceId, "billing", timeReset.id()))
                .isInstanceOfSatisfying(ProblemException.class, p -> assertThat(p.status()).isEqualTo(409));
        OffsetResetView undone = client.undoOffsetReset(reconciledInstanceId, "billing", earliest.id());

        assertThat(undone.undoneAt()).isNotNull();
        assertThat(latestPlan("billing").totalSkipped()).isZero();
        assertThat(client.listOffsetResets(reconciledInstanceId, "billing", null, null).items())
                .extracting(OffsetResetView::id).containsExactly(earliest.id(), timeReset.id());
    }

    /**
     * A message a group with no retries fails lands in its dead letters, listed through REST with its topic, keys
     * and tags; resending it twice with one idempotency key delivers one copy, with a new id and the old one in
     * {@code ORIGIN_MESSAGE_ID}.
     */
    @Test
    @Order(12)
    void aDeadLetterResentTwiceWithOneKeyIsDeliveredOnceWithANewId() throws Exception {
        client.createConsumerGroup(reconciledInstanceId, new CreateConsumerGroupRequest("fragile", null, null, 0, null),
                null);
        client.createConsumerGroup(reconciledInstanceId, new CreateConsumerGroupRequest("observer", null, null, null, null), null);
        await("the groups' outbox rows DONE").atMost(NODE_DEADLINE).pollInterval(Duration.ofMillis(200))
                .until(() -> outboxRowsOf(reconciledInstanceId).stream().allMatch(row -> row.state() == OutboxState.DONE));
        RPCHook signing = resetTestSigning();
        DefaultMQProducer producer = resetTestProducer(signing);
        DefaultMQPushConsumer failing = new DefaultMQPushConsumer("fragile", signing);
        failing.setNamespace(reconciledInstanceId);
        failing.setNamesrvAddr(nameServers());
        failing.subscribe("orders", "poison");
        failing.registerMessageListener(
                (MessageListenerConcurrently) (messages, context) -> ConsumeConcurrentlyStatus.RECONSUME_LATER);
        failing.start();
        String originalId;
        try {
            Message poison = new Message("orders", "poison", "order-66", "cannot be processed".getBytes(StandardCharsets.UTF_8));
            await("poison sent").atMost(NODE_DEADLINE).ignoreExceptions()
                    .until(() -> producer.send(poison).getSendStatus() == SendStatus.SEND_OK);
            originalId = poison.getProperty("UNIQ_KEY");
            await("the poison message is a dead letter").atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> !client.listDeadLetters(reconciledInstanceId, "fragile", 0, 20).items().isEmpty());
        } finally {
            failing.shutdown();
            producer.shutdown();
        }
        DeadLetterView letter = client.listDeadLetters(reconciledInstanceId, "fragile", 0, 20).items().get(0);
        assertThat(letter.originalTopic()).isEqualTo("orders");
        assertThat(letter.originalMessageId()).isEqualTo(originalId);
        assertThat(letter.keys()).isEqualTo("order-66");
        assertThat(letter.tags()).isEqualTo("poison");
        List<MessageExt> observed = new CopyOnWriteArrayList<>();
        DefaultMQPushConsumer observer = new DefaultMQPushConsumer("observer", signing);
        observer.setNamespace(reconciledInstanceId);
        observer.setNamesrvAddr(nameServers());
        observer.subscribe("orders", "poison");
        observer.registerMessageListener((MessageListenerConcurrently) (messages, context) -> {
            observed.addAll(messages);
            return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
        });
        observer.start();
        try {
            var resend = new DeadLetterResendRequest(List.of(letter.messageId()));
            DeadLetterResendView first = client.resendDeadLetters(reconciledInstanceId, "fragile", resend, "resend-1");
            DeadLetterResendView second = client.resendDeadLetters(reconciledInstanceId, "fragile", resend, "resend-1");

            assertThat(second).isEqualTo(first);
            assertThat(first.resent()).singleElement().satisfies(resent -> {
                assertThat(resent.messageId()).isEqualTo(letter.messageId());
                assertThat(resent.topic()).isEqualTo("orders");
                assertThat(resent.newMessageId()).isNotEqualTo(originalId);
            });
            await("the resent copy observed").atMost(Duration.ofSeconds(90))
                    .until(() -> observed.stream().anyMatch(message -> originalId.equals(message.getProperty("ORIGIN_MESSAGE_ID"))));
            await("observer's offsets at the end").atMost(NODE_DEADLINE).pollInterval(Duration.ofMillis(500))
                    .until(() -> latestPlan("observer").totalSkipped() == 0);
            assertThat(observed).filteredOn(message -> originalId.equals(message.getProperty("ORIGIN_MESSAGE_ID")))
                    .singleElement().satisfies(copy -> {
                        assertThat(copy.getMsgId()).isEqualTo(first.resent().get(0).newMessageId());
                        assertThat(copy.getKeys()).isEqualTo("order-66");
                        assertThat(copy.getTags()).isEqualTo("poison");
                        assertThat(new String(copy.getBody(), StandardCharsets.UTF_8)).isEqualTo("cannot be processed");
                    });
        } finally {
            observer.shutdown();
        }
    }

    /** Committed offsets of billing are at the end of every queue once a reset to LATEST would skip nothing. */
    private static void awaitOffsetsAtTheEnd() {
        await("billing's offsets committed to the end").atMost(NODE_DEADLINE).pollInterval(Duration.ofMillis(500))
                .until(() -> latestPlan("billing").totalSkipped() == 0);
    }

    private static OffsetResetView latestPlan(String group) {
        return client.resetOffsets(reconciledInstanceId, group,
                new OffsetResetRequest(OffsetResetTarget.LATEST, null, true), null);
    }

    private static RPCHook resetTestSigning() {
        CreatedCredentialView credential = client.createCredential(reconciledInstanceId,
                new CreateCredentialRequest(CredentialRole.PUB_SUB, null, null), null);
        return new AclClientRPCHook(new SessionCredentials(credential.credential().accessKey(), credential.secretKey()));
    }

    private static DefaultMQProducer resetTestProducer(RPCHook signing) throws Exception {
        DefaultMQProducer producer = new DefaultMQProducer("standalone-it-reset-producer", signing);
        producer.setNamespace(reconciledInstanceId);
        producer.setNamesrvAddr(nameServers());
        producer.start();
        return producer;
    }

    private static DefaultMQPushConsumer resetTestConsumer(RPCHook signing, List<String> received) throws Exception {
        DefaultMQPushConsumer consumer = new DefaultMQPushConsumer("billing", signing);
        consumer.setNamespace(reconciledInstanceId);
        consumer.setNamesrvAddr(nameServers());
        consumer.subscribe("orders", "*");
        consumer.registerMessageListener((MessageListenerConcurrently) (messages, context) -> {
            messages.forEach(message -> received.add(new String(message.getBody(), StandardCharsets.UTF_8)));
            return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
        });
        consumer.start();
        return consumer;
    }

    /** Sends {@code count} messages; the first is retried until the new credential has reached the brokers. */
    private static void sendBatch(DefaultMQProducer producer, String prefix, int count) {
        for (int i = 0; i < count; i++) {
            Message message = new Message("orders", (prefix + "-" + i).getBytes(StandardCharsets.UTF_8));
            await("send " + prefix + "-" + i).atMost(NODE_DEADLINE).ignoreExceptions()
                    .until(() -> producer.send(message).getSendStatus() == SendStatus.SEND_OK);
        }
    }

    /**
     * The first start printed, once, how to connect (name servers, the demo instance's namespace, a pub+sub
     * credential; later starts print nothing), and exactly that works with the official client: signed with
     * the printed credential ({@code AclClientRPCHook}), {@code setNamespace} with the printed namespace, the
     * demo instance's topic and group, default settings otherwise.
     */
    @Test
    @Order(90)
    void theConnectionPrintedAtFirstStartSendsAndReceives() throws Exception {
        String output = app.log();
        assertThat(output.split("CloudMQ standalone is up", -1)).as("printed once over all starts").hasSize(2);
        String nameServers = printed(output, "name servers");
        String namespace = printed(output, "namespace");
        assertThat(nameServers).isEqualTo(nameServers());
        assertThat(client.getInstance(namespace).name()).isEqualTo("demo");
        RPCHook signing = new AclClientRPCHook(
                new SessionCredentials(printed(output, "AccessKey"), printed(output, "SecretKey")));
        List<String> received = new CopyOnWriteArrayList<>();
        DefaultMQPushConsumer consumer = new DefaultMQPushConsumer("billing", signing);
        consumer.setNamespace(namespace);
        consumer.setNamesrvAddr(nameServers);
        consumer.subscribe("orders", "*");
        consumer.registerMessageListener((MessageListenerConcurrently) (messages, context) -> {
            messages.forEach(message -> received.add(new String(message.getBody(), StandardCharsets.UTF_8)));
            return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
        });
        DefaultMQProducer producer = new DefaultMQProducer("demo-producer", signing);
        producer.setNamespace(namespace);
        producer.setNamesrvAddr(nameServers);
        consumer.start();
        producer.start();
        try {
            await("a send with the printed credential").atMost(NODE_DEADLINE).ignoreExceptions()
                    .until(() -> producer.send(new Message("orders", "printed".getBytes(StandardCharsets.UTF_8)))
                            .getSendStatus() == SendStatus.SEND_OK);
            await("the consumer receives it").atMost(NODE_DEADLINE).until(() -> received.contains("printed"));
        } finally {
            producer.shutdown();
            consumer.shutdown();
        }
    }

    /** Last, as it ends the cluster: a stop (SIGTERM, as Ctrl-C) leaves no node and no PostgreSQL running. */
    @Test
    @Order(99)
    void stoppingTheControlPlaneLeavesNoNodeAndNoPostgres() {
        assertThat(app.processesOfDataDir()).isNotEmpty();

        app.stop();

        await("no process of the data directory after a stop").atMost(Duration.ofSeconds(60))
                .until(() -> app.processesOfDataDir().isEmpty());
    }

    /** The value after {@code label:} in the first-start connection block. */
    private static String printed(String output, String label) {
        Matcher matcher = Pattern.compile("^  " + label + ": +(\\S+)", Pattern.MULTILINE).matcher(output);
        assertThat(matcher.find()).as("%s in the first-start output", label).isTrue();
        return matcher.group(1);
    }

    private static List<OutboxEntryView> outboxRowsOf(String instance) {
        return client.listOutbox("local", null, null, 100).items().stream()
                .filter(row -> row.change().startsWith(instance + ":"))
                .toList();
    }

    private static NodeReconciliationView reconciliationOf(String nodeId) {
        return client.getReconciliation("local").nodes().stream()
                .filter(node -> node.nodeId().equals(nodeId))
                .findFirst()
                .orElseThrow();
    }

    private static List<NodeView> awaitAllUp() {
        await("all six nodes UP").atMost(START_DEADLINE).pollInterval(Duration.ofMillis(500))
                .until(() -> {
                    List<NodeView> nodes = client.listNodes("local");
                    return nodes.size() == 6 && nodes.stream().allMatch(node -> node.state() == NodeState.UP);
                });
        return client.listNodes("local");
    }

    private static NodeView node(String nodeId) {
        return client.listNodes("local").stream()
                .filter(node -> node.nodeId().equals(nodeId))
                .findFirst()
                .orElseThrow();
    }

    private static int shift() {
        return PORT_BASE - 9876;
    }

    private static void signal(String signal, long pid) throws Exception {
        int exit = new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).inheritIO().start().waitFor();
        assertThat(exit).as("kill -%s %d", signal, pid).isZero();
    }
}
