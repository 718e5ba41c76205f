package io.cloudmq.controlplane.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.cloudmq.api.client.ManagementClient;
import io.cloudmq.api.client.ManagementClientException;
import io.cloudmq.api.client.ProblemException;
import io.cloudmq.api.consumergroup.CreateConsumerGroupRequest;
import io.cloudmq.api.credential.CreateCredentialRequest;
import io.cloudmq.api.credential.CredentialRole;
import io.cloudmq.api.instance.CreateInstanceRequest;
import io.cloudmq.api.instance.InstanceView;
import io.cloudmq.api.instance.InstanceTier;
import io.cloudmq.api.node.NodeRole;
import io.cloudmq.api.node.NodeState;
import io.cloudmq.api.node.NodeView;
import io.cloudmq.api.reconcile.OutboxState;
import io.cloudmq.api.topic.CreateTopicRequest;
import io.cloudmq.api.topic.MessageType;
import io.cloudmq.api.upgrade.CanaryReportView;
import io.cloudmq.api.upgrade.CanaryView;
import io.cloudmq.api.upgrade.NodeUpgradeProgressView;
import io.cloudmq.api.upgrade.ObservedProducerGroup;
import io.cloudmq.api.upgrade.PreCheckView;
import io.cloudmq.api.upgrade.ScheduleUpgradeWindowRequest;
import io.cloudmq.api.upgrade.UpgradeNodePhase;
import io.cloudmq.api.upgrade.UpgradeProgressView;
import io.cloudmq.api.upgrade.UpgradeReportView;
import io.cloudmq.api.upgrade.UpgradeWindowState;
import io.cloudmq.api.upgrade.UpgradeWindowView;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer.OrderAnnotation;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The proof of issue 8: the packaged standalone cluster (2 broker groups of master + slave, 2 name servers)
 * under continuous load of official 5.5.0 clients at their default settings ({@link UpgradeLoad}: sync, async,
 * orderly and a producer with {@code enableReconnectForGoAway} off, push consumers in two groups), and one
 * upgrade window that moves every node onto another runtime ({@link TargetRuntime}). The window starts once
 * the load is steady (no failed send for 10 s); from its start on, no send may fail and every acknowledged
 * message must arrive in both groups.
 *
 * <p>The route-refresh window stays at the control plane's default of 35 s, set explicitly here: the clients
 * poll their routes every 30 s ({@code pollNameServerInterval}, default), so 35 s after a fence every
 * producer has seen it, with 5 s for a poll that runs late on a busy machine. Shorter, a producer could still
 * route sends to a master that is closing them.
 *
 * <p>The second step, on the same cluster, SIGKILLs a fenced master in the middle of a second window: the
 * window pauses with {@code NODE_LOST}, the crashed node is restarted by the supervisor (10 s back-off, so the
 * registry sees it DOWN), a resume fences it again (its crash restart is write-fenced only until its slave is in
 * sync) and completes the window, and nothing acknowledged is lost. Sends fail there by design: the kill comes
 * before the clients saw the fence, so sends in flight to the killed process fail, and so do sends of clients
 * whose cached route still has broker-a writable that reach its crash restart before its slave is back
 * ({@code SLAVE_NOT_AVAILABLE}: the restart fence changes the name servers' route, not a client's cache); they
 * are counted and printed, not asserted. It keeps the default route
 * refresh too: a shorter one would need a control plane of its own, which costs more than the waits it saves.
 *
 * <p>Between the two, the first window's report: every node's unavailable and write-fenced times from its
 * serving record, the canary (a producer and a push consumer on the hidden system instance, running since the
 * control plane started) with no failed and no lost message over the window, and no failed send of the load's
 * producer groups (registered with the window) counted by the brokers, as the test counted none.
 *
 * <p>Phases' durations are printed; the test takes as long as the default route refresh makes it (five
 * route-refresh waits per window, two more after the kill: about 4 to 5 minutes per window).
 */
@TestMethodOrder(OrderAnnotation.class)
class UpgradeProofIT {
    /** This class's node port base (see {@link ControlPlaneProcess#start(Path, int, int)}). */
    private static final int PORT_BASE = 22376;
    private static final Duration START_DEADLINE = Duration.ofMinutes(8);
    private static final Duration NODE_DEADLINE = Duration.ofSeconds(60);
    private static final Duration WINDOW_DEADLINE = Duration.ofMinutes(10);
    private static final Duration DELIVERY_DEADLINE = Duration.ofMinutes(2);
    private static final String CLUSTER = "local";
    private static final String TOPIC = "orders";
    private static final List<String> GROUPS = List.of("billing", "audit");
    private static final String VERSION = System.getProperty("cloudmq.version");
    private static final String TARGET = VERSION + "-upgraded";
    private static final String SECOND_TARGET = VERSION + "-upgraded-again";
    private static final Duration CANARY_GRACE = Duration.ofSeconds(10);
    private static final String PRODUCERS = "proof";
    /**
     * The load counts as warmed up once no send failed for this long: on two cores shared with the other test
     * JVMs' clusters, the clients' first seconds have seen every master stall together (7 s of timeouts, before
     * any node was touched); the promise is about the window, and its sends are all asserted.
     */
    private static final Duration STEADY = Duration.ofSeconds(10);

    @TempDir
    static Path dataDir;

    private static ControlPlaneProcess app;
    private static ManagementClient client;
    private static String instanceId;
    private static TenantClients clients;
    private static UpgradeWindowView firstWindow;

    @BeforeAll
    static void startClusterWithATenant() {
        Instant begin = Instant.now();
        app = ControlPlaneProcess.start(dataDir, ControlPlaneProcess.freePort(), PORT_BASE, List.of(
                "--cloudmq.upgrade.route-refresh=35s",
                "--cloudmq.upgrade.orchestrator-interval=500ms",
                "--cloudmq.upgrade.gate-timeout=3m",
                "--cloudmq.standalone.restart-backoff=10s",
                "--cloudmq.canary.check-interval=1s",
                "--cloudmq.canary.lost-after=" + CANARY_GRACE.toSeconds() + "s"));
        client = app.awaitAdminClient(START_DEADLINE);
        awaitAllUpOn(VERSION);
        instanceId = client.createInstance(
                new CreateInstanceRequest("upgrade-proof", null, CLUSTER, InstanceTier.SINGLE_NODE, null), null).id();
        client.createTopic(instanceId, new CreateTopicRequest(TOPIC, MessageType.NORMAL, null, null, null), null);
        GROUPS.forEach(group -> client.createConsumerGroup(instanceId,
                new CreateConsumerGroupRequest(group, null, null, null, null), null));
        clients = TenantClients.of(instanceId, "127.0.0.1:" + PORT_BASE + ";127.0.0.1:" + (PORT_BASE + 1),
                client.createCredential(instanceId, new CreateCredentialRequest(CredentialRole.PUB_SUB, null, null),
                        null));
        awaitOutboxDone();
        phase("cluster up with the tenant's topic, groups and credential", begin);
    }

    @AfterAll
    static void stopEverything() {
        if (app != null) {
            app.killWithItsProcesses();
        }
    }

    @Test
    @Order(1)
    void oneWindowUpgradesEveryNodeUnderLoadWithoutAFailedSendOrALostMessage() throws Exception {
        Map<String, NodeView> before = nodesById();
        TargetRuntime.install(dataDir, VERSION, TARGET);
        Instant begin = Instant.now();
        CanaryView canary = await("canary receiving").atMost(NODE_DEADLINE).pollInterval(Duration.ofSeconds(1))
                .ignoreExceptionsInstanceOf(ManagementClientException.class)
                .until(() -> client.getCanary(CLUSTER), view -> view.running() && view.received() > 0);
        assertThat(client.listInstances(null, 100).items()).extracting(InstanceView::id)
                .doesNotContain(canary.instanceId());
        try (UpgradeLoad load = UpgradeLoad.start(clients, TOPIC, GROUPS, PRODUCERS)) {
            assertThat(load.goAwayReconnectOffOnlyForItsProducer()).isTrue();
            load.awaitSteady(500, STEADY);
            begin = phase("load warmed up", begin);
            Instant windowFrom = Instant.now();
            System.out.printf("  failed sends while the load warmed up (before the window, not asserted): %d%n",
                    load.failures().size());

            UpgradeWindowView started = startWindow(TARGET, UpgradeLoad.producerGroups(PRODUCERS).stream()
                    .map(group -> new ObservedProducerGroup(instanceId, group)).toList());
            firstWindow = started;
            assertThatThrownBy(() -> client.createTopic(instanceId,
                    new CreateTopicRequest("during-window", MessageType.NORMAL, null, null, null), null))
                    .isInstanceOfSatisfying(ProblemException.class, problem -> assertThat(problem.status()).isEqualTo(423));
            UpgradeProgressView progress = awaitWindowLeavesInProgress(started);
            finish(load, phase("window " + progress.state(), begin));
            printMasterSendFigures();

            assertThat(progress.state()).as("pause reason %s, progress %s", progress.pauseReason(), progress.nodes())
                    .isEqualTo(UpgradeWindowState.COMPLETED);
            assertThat(progress.nodes()).extracting(NodeUpgradeProgressView::nodeId).containsExactly(
                    "broker-a-0", "broker-a-1", "broker-b-0", "broker-b-1", "namesrv-0", "namesrv-1");
            assertThat(load.failuresSince(windowFrom)).as("failed sends from the window's start").isEmpty();
            GROUPS.forEach(group -> assertThat(load.missing(group)).as("acknowledged, not received by %s", group)
                    .isEmpty());
            assertEveryNodeRestartedOnto(TARGET, before, started.startedAt());
        }
        assertThat(client.createTopic(instanceId,
                new CreateTopicRequest("after-window", MessageType.NORMAL, null, null, null), null).name())
                .isEqualTo("after-window");
    }

    /**
     * The first window's report, once the canary's grace period after the window passed: every node's times,
     * the canary's figures over the window, the brokers' count of failed sends of the load's producer groups.
     */
    @Test
    @Order(2)
    void theFirstWindowsReportHasEveryNodesTimesACanaryWithoutFailuresAndNoFailedSendOfTheLoad() {
        UpgradeReportView report = await("canary figures of the window final").atMost(DELIVERY_DEADLINE)
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> client.getUpgradeReport(CLUSTER, firstWindow.id()), view -> view.canary() != null
                        && Instant.now().isAfter(view.finishedAt().plus(CANARY_GRACE).plusSeconds(2)));

        assertThat(report.state()).isEqualTo(UpgradeWindowState.COMPLETED);
        assertThat(report.nodes()).hasSize(6).allSatisfy(node -> {
            assertThat(node.unavailableMillis()).as(node.node()).isNotNull();
            assertThat(node.writeFencedMillis()).as(node.node()).isNotNull();
            assertThat(node.toVersion()).isEqualTo(TARGET);
        });
        assertThat(report.nodes()).filteredOn(node -> node.node().endsWith("-0") && node.brokerName() != null)
                .allSatisfy(master -> assertThat(master.writeFencedMillis()).isPositive());
        CanaryReportView canary = report.canary();
        System.out.printf("upgrade proof: canary over the window %s%n", canary);
        assertThat(canary.acknowledged()).isPositive().isEqualTo(canary.sent());
        assertThat(canary.failedSends()).isZero();
        assertThat(canary.lost()).isZero();
        assertThat(canary.received()).isEqualTo(canary.acknowledged());
        assertThat(report.producerGroups()).hasSize(UpgradeLoad.producerGroups(PRODUCERS).size())
                .allSatisfy(group -> assertThat(group.failedSends()).as(group.producerGroup()).isZero());
        assertThat(report.preCheck()).isNotNull().extracting(PreCheckView::go).isEqualTo(true);
    }

    @Test
    @Order(3)
    void aMasterKilledMidWindowPausesItAndAResumeCompletesItWithoutLosingAcknowledgedMessages() throws Exception {
        TargetRuntime.install(dataDir, VERSION, SECOND_TARGET);
        Instant begin = Instant.now();
        try (UpgradeLoad load = UpgradeLoad.start(clients, TOPIC, GROUPS, "kill")) {
            load.awaitMoreAcknowledged(500);
            UpgradeWindowView started = startWindow(SECOND_TARGET, List.of());
            await("broker-a-0 fenced").atMost(WINDOW_DEADLINE).pollInterval(Duration.ofMillis(200))
                    .until(() -> client.getUpgradeProgress(CLUSTER, started.id()).nodes().stream().anyMatch(node ->
                            node.nodeId().equals("broker-a-0") && node.phase() == UpgradeNodePhase.FENCED));
            long victim = nodesById().get("broker-a-0").pid();
            ProcessHandle.of(victim).orElseThrow().destroyForcibly();
            begin = phase("broker-a-0 SIGKILLed while fenced", begin);

            UpgradeProgressView paused = awaitWindowLeavesInProgress(started);
            assertThat(paused.state()).isEqualTo(UpgradeWindowState.PAUSED);
            assertThat(paused.pauseReason()).startsWith("NODE_LOST").contains("broker-a-0");
            await("broker-a-0 restarted by its supervisor").atMost(NODE_DEADLINE).until(() -> {
                NodeView node = nodesById().get("broker-a-0");
                return node.state() == NodeState.UP && node.pid() != victim;
            });
            begin = phase("window paused, broker-a-0 back", begin);
            client.resumeUpgradeWindow(CLUSTER, started.id());
            UpgradeProgressView progress = awaitWindowLeavesInProgress(started);
            finish(load, phase("resumed window " + progress.state(), begin));

            assertThat(progress.state()).as("pause reason %s", progress.pauseReason())
                    .isEqualTo(UpgradeWindowState.COMPLETED);
            GROUPS.forEach(group -> assertThat(load.missing(group)).as("acknowledged, not received by %s", group)
                    .isEmpty());
            assertThat(nodesById().values()).allSatisfy(node -> assertThat(node.version()).isEqualTo(SECOND_TARGET));
        }
    }

    private static UpgradeWindowView startWindow(String target, List<ObservedProducerGroup> observed) {
        UpgradeWindowView scheduled = client.scheduleUpgradeWindow(CLUSTER, new ScheduleUpgradeWindowRequest(
                OffsetDateTime.now(ZoneOffset.UTC).plusMinutes(5), Duration.ofMinutes(30), target, observed), null);
        return client.startUpgradeWindow(CLUSTER, scheduled.id());
    }

    private static UpgradeProgressView awaitWindowLeavesInProgress(UpgradeWindowView window) {
        return await("window " + window.id() + " ends or pauses").atMost(WINDOW_DEADLINE)
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> client.getUpgradeProgress(CLUSTER, window.id()),
                        view -> view.state() != UpgradeWindowState.IN_PROGRESS);
    }

    private static void assertEveryNodeRestartedOnto(String target, Map<String, NodeView> before, Instant windowStart) {
        assertThat(client.listNodes(CLUSTER)).hasSize(6).allSatisfy(node -> {
            assertThat(node.version()).as(node.nodeId()).isEqualTo(target);
            assertThat(node.state()).as(node.nodeId()).isEqualTo(NodeState.UP);
            assertThat(node.pid()).as(node.nodeId()).isNotNull().isNotEqualTo(before.get(node.nodeId()).pid());
            assertThat(node.startedAt()).as(node.nodeId()).isAfter(windowStart);
            assertThat(ControlPlaneProcess.commandLine(node.pid())).contains("runtime/" + target + "/");
            if (node.role() == NodeRole.BROKER) {
                assertThat(node.recovery()).as("%s's store recovery at its start", node.nodeId()).isNotNull()
                        .satisfies(recovery -> assertThat(recovery.mode()).isEqualTo("NORMAL"));
            }
        });
    }

    /** Each master's send answers by code and longest store put, from its metrics (where a failed send went). */
    private static void printMasterSendFigures() throws IOException, InterruptedException {
        String token = Files.readString(dataDir.resolve("node.token")).trim();
        HttpClient http = HttpClient.newHttpClient();
        for (NodeView node : client.listNodes(CLUSTER)) {
            if (node.role() != NodeRole.BROKER || !Integer.valueOf(0).equals(node.brokerId())) {
                continue;
            }
            HttpRequest request = HttpRequest.newBuilder(URI.create(node.adminUrl() + "/admin/v1/metrics"))
                    .header("Authorization", "Bearer " + token).build();
            http.send(request, HttpResponse.BodyHandlers.ofString()).body().lines()
                    .filter(line -> line.startsWith("cloudmq_broker_sends_total") || line.startsWith("cloudmq_broker_store_put_seconds_max"))
                    .forEach(line -> System.out.println("  " + node.nodeId() + " " + line));
        }
    }

    /** Stops sending, waits until every acknowledged message was delivered (or the deadline), prints the figures. */
    private static void finish(UpgradeLoad load, Instant since) throws InterruptedException {
        load.stopSending();
        boolean delivered = load.awaitDelivered(DELIVERY_DEADLINE);
        phase("every acknowledged message delivered: " + delivered, since);
        System.out.printf("upgrade proof: %d sent at %.0f msg/s, %d acknowledged, %d failed%n", load.sent(),
                load.sendRate(), load.acknowledged().size(), load.failures().size());
        load.failureSummary().forEach(line -> System.out.println("  failed sends: " + line));
        System.out.println("  longest stall of the test JVM: " + load.longestStall());
        load.deliverySummary().forEach(line -> System.out.println("  " + line));
    }

    private static Instant phase(String what, Instant since) {
        Instant now = Instant.now();
        System.out.printf("upgrade proof phase: %s after %d s%n", what, Duration.between(since, now).toSeconds());
        return now;
    }

    private static Map<String, NodeView> awaitAllUpOn(String version) {
        await("all six nodes UP on " + version).atMost(START_DEADLINE).pollInterval(Duration.ofMillis(500))
                .until(() -> {
                    List<NodeView> nodes = client.listNodes(CLUSTER);
                    return nodes.size() == 6 && nodes.stream()
                            .allMatch(node -> node.state() == NodeState.UP && version.equals(node.version()));
                });
        return nodesById();
    }

    private static Map<String, NodeView> nodesById() {
        return client.listNodes(CLUSTER).stream().collect(Collectors.toMap(NodeView::nodeId, Function.identity()));
    }

    private static void awaitOutboxDone() {
        await("the tenant's outbox rows DONE").atMost(NODE_DEADLINE).pollInterval(Duration.ofMillis(200))
                .until(() -> client.listOutbox(CLUSTER, null, null, 100).items().stream()
                        .filter(row -> row.change().startsWith(instanceId + ":"))
                        .allMatch(row -> row.state() == OutboxState.DONE));
    }
}
