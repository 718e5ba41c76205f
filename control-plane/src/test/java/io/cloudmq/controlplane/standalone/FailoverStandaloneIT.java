package io.cloudmq.controlplane.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cloudmq.api.client.ManagementClient;
import io.cloudmq.api.consumergroup.CreateConsumerGroupRequest;
import io.cloudmq.api.credential.CreateCredentialRequest;
import io.cloudmq.api.credential.CreatedCredentialView;
import io.cloudmq.api.credential.CredentialRole;
import io.cloudmq.api.failover.SwitchoverJobState;
import io.cloudmq.api.failover.SwitchoverJobView;
import io.cloudmq.api.instance.CreateInstanceRequest;
import io.cloudmq.api.instance.InstanceTier;
import io.cloudmq.api.node.NodeReplicationView;
import io.cloudmq.api.node.NodeState;
import io.cloudmq.api.node.NodeView;
import io.cloudmq.api.reconcile.OutboxState;
import io.cloudmq.api.topic.CreateTopicRequest;
import io.cloudmq.api.topic.MessageType;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.apache.rocketmq.acl.common.AclClientRPCHook;
import org.apache.rocketmq.acl.common.SessionCredentials;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer.OrderAnnotation;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Master changes of broker group {@code broker-a} on the packaged standalone cluster (six node JVMs) while
 * official clients ({@link LoadClients}: sync and async producers on several threads, a push consumer, default
 * settings) run without pause. The phases run in order on one cluster:
 *
 * <ol>
 *   <li>A switchover through REST: the job succeeds, the route's broker id 0 is the former slave, the old
 *       master follows it as SLAVE, no send failed from the switchover request on (the first sends of a cold
 *       client on a loaded machine may time out; they are printed, not counted) and every acknowledged
 *       message is received.</li>
 *   <li>The new master is SIGKILLed: the failover watcher promotes the in-sync slave (broker id 0 in the route,
 *       a higher epoch in the node view) while the killed master is still down, every message acknowledged
 *       before is received, and the supervisor's restart brings the old master back as SLAVE. Sends fail
 *       here, as expected: those in flight to the killed master, and {@code SLAVE_NOT_AVAILABLE} answers of the
 *       promoted SYNC_MASTER until its slave is back; they are printed by reason.</li>
 * </ol>
 *
 * <p>Restart back-off 40 s: the watcher promotes once the master missed its health checks (DOWN after two
 * missed 2-second checks) and {@code cloudmq.failover.master-down-for} (10 s, the default) has passed since it
 * was last seen, on its next 2-second pass, about 15 s after the kill; a restart before that would bring the
 * dead master back as master of the old epoch and no failover would happen. 40 s leaves more than twice that.
 */
@TestMethodOrder(OrderAnnotation.class)
class FailoverStandaloneIT {
    private static final Logger log = LoggerFactory.getLogger(FailoverStandaloneIT.class);
    /** This class's node port base (see {@link ControlPlaneProcess#start(Path, int, int)}). */
    private static final int PORT_BASE = 24876;
    private static final String CLUSTER = "local";
    private static final String GROUP = "broker-a";
    private static final String TOPIC = "orders";
    private static final Duration START_DEADLINE = Duration.ofMinutes(5);
    private static final Duration DEADLINE = Duration.ofSeconds(120);
    private static final int PRODUCER_THREADS = 2;
    private static final int ACKS_BETWEEN_STEPS = 300;

    /** Kept when a test fails: the node logs under it show why. */
    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    static Path dataDir;

    private static ControlPlaneProcess app;
    private static ManagementClient client;
    private static LoadClients load;

    @BeforeAll
    static void startClusterAndLoad() throws Exception {
        int httpPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            httpPort = socket.getLocalPort();
        }
        app = ControlPlaneProcess.start(dataDir, httpPort, PORT_BASE, List.of("--cloudmq.standalone.restart-backoff=40s"));
        client = app.awaitAdminClient(START_DEADLINE);
        await("all six nodes UP").atMost(START_DEADLINE).pollInterval(Duration.ofMillis(500))
                .until(() -> client.listNodes(CLUSTER).size() == 6
                        && client.listNodes(CLUSTER).stream().allMatch(node -> node.state() == NodeState.UP));
        String instanceId = client.createInstance(
                new CreateInstanceRequest("failover", null, CLUSTER, InstanceTier.SINGLE_NODE, null), null).id();
        client.createTopic(instanceId, new CreateTopicRequest(TOPIC, MessageType.NORMAL, null, null, null), null);
        client.createConsumerGroup(instanceId, new CreateConsumerGroupRequest("audit", null, null, null, null), null);
        CreatedCredentialView credential = client.createCredential(instanceId,
                new CreateCredentialRequest(CredentialRole.PUB_SUB, null, null), null);
        await("topic, group and credential applied on every node").atMost(DEADLINE)
                .pollInterval(Duration.ofMillis(500))
                .until(() -> client.listOutbox(CLUSTER, null, null, 100).items().stream()
                        .filter(row -> row.change().startsWith(instanceId + ":"))
                        .filter(row -> row.state() == OutboxState.DONE).count() == 3);
        load = LoadClients.start("127.0.0.1:" + PORT_BASE + ";127.0.0.1:" + (PORT_BASE + 1), instanceId,
                new AclClientRPCHook(new SessionCredentials(credential.credential().accessKey(), credential.secretKey())),
                TOPIC, "audit", PRODUCER_THREADS, PRODUCER_THREADS);
    }

    @AfterAll
    static void stopEverything() throws InterruptedException {
        if (load != null) {
            load.close();
        }
        if (app != null && app.isAlive()) {
            app.kill();
        }
        app.processesOfDataDir().forEach(ProcessHandle::destroyForcibly);
    }

    @Test
    @Order(1)
    void aSwitchoverUnderLoadFailsNoSendAndLosesNothing() throws Exception {
        NodeView slave = awaitInSyncSlaveOf("broker-a-0");
        awaitAcknowledgements();
        int failedBefore = load.failures().size();
        log.info("failed sends before the switchover (client warm-up on a loaded machine): {}",
                load.failureReasons());

        SwitchoverJobView accepted = client.switchover(CLUSTER, GROUP, "failover-it");
        SwitchoverJobView done = await("switchover job ends").atMost(Duration.ofMinutes(4))
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> client.getSwitchoverJob(CLUSTER, accepted.id()), job -> job.state().terminal());

        assertThat(done.state()).as("job detail: %s", done.detail()).isEqualTo(SwitchoverJobState.SUCCEEDED);
        assertThat(done.toNodeId()).isEqualTo(slave.nodeId());
        await("the route names the former slave as broker id 0").atMost(DEADLINE).ignoreExceptions()
                .until(() -> load.masterAddress(GROUP).equals(slave.remotingAddress()));
        await("the node view shows the old master as SLAVE (its next replication check)").atMost(DEADLINE)
                .untilAsserted(() -> assertThat(node("broker-a-0")).satisfies(oldMaster -> {
                    assertThat(oldMaster.state()).isEqualTo(NodeState.UP);
                    assertThat(oldMaster.brokerId()).isPositive();
                    assertThat(replication(oldMaster).brokerRole()).isEqualTo("SLAVE");
                }));
        awaitAcknowledgements();
        List<String> failed = load.failures();
        assertThat(failed.subList(failedBefore, failed.size())).as("sends failed since the switchover request")
                .isEmpty();
        awaitAllReceived(load.acknowledged());
    }

    @Test
    @Order(2)
    void aKilledMasterIsReplacedByItsInSyncSlaveAndRejoinsAsSlaveAfterItsRestart() throws Exception {
        NodeView slave = awaitInSyncSlaveOf("broker-a-1");
        NodeView master = node("broker-a-1");
        long epochBefore = replication(master).epoch();
        awaitAcknowledgements();
        long killedPid = Objects.requireNonNull(master.pid());
        Instant killedAt = Instant.now();

        ProcessHandle.of(killedPid).orElseThrow().destroyForcibly();

        await("the route names the in-sync slave as broker id 0").atMost(DEADLINE).ignoreExceptions()
                .until(() -> load.masterAddress(GROUP).equals(slave.remotingAddress()));
        log.info("broker-a promoted {} after the kill", Duration.between(killedAt, Instant.now()));
        assertThat(node("broker-a-1").state()).as("the killed master is still down").isEqualTo(NodeState.DOWN);
        await("the promoted slave reports a newer epoch").atMost(DEADLINE)
                .until(() -> node(slave.nodeId()).replication(), view -> view != null
                        && view.brokerRole().equals("SYNC_MASTER") && view.epoch() > epochBefore);
        assertThat(node(slave.nodeId()).brokerId()).isZero();
        awaitAllReceived(load.acknowledged());
        await("the restarted old master follows as SLAVE").atMost(DEADLINE).until(() -> node("broker-a-1"),
                node -> node.state() == NodeState.UP && !Objects.equals(node.pid(), killedPid)
                        && node.replication() != null && node.replication().brokerRole().equals("SLAVE"));
        assertThat(node("broker-a-1").brokerId()).isPositive();
        awaitAcknowledgements();
        log.info("failed sends so far, by reason: {}", load.failureReasons());
    }

    /** Waits until the node view shows {@code masterId}'s group slave in sync, twice apart (the watcher's reads). */
    private static NodeView awaitInSyncSlaveOf(String masterId) {
        NodeView master = await(masterId + " leads").atMost(DEADLINE).until(() -> node(masterId),
                node -> node.state() == NodeState.UP && Integer.valueOf(0).equals(node.brokerId()));
        Instant[] firstInSync = new Instant[1];
        return await("a slave of " + masterId + " in sync for two checks").atMost(DEADLINE)
                .pollInterval(Duration.ofMillis(500))
                .until(() -> client.listNodes(CLUSTER).stream()
                        .filter(node -> GROUP.equals(node.brokerName()) && !node.nodeId().equals(master.nodeId()))
                        .findFirst().orElseThrow(), node -> {
                    NodeReplicationView view = node.replication();
                    if (view == null || !view.inSync() || !view.brokerRole().equals("SLAVE")) {
                        firstInSync[0] = null;
                        return false;
                    }
                    if (firstInSync[0] == null) {
                        firstInSync[0] = view.checkedAt();
                    }
                    return view.checkedAt().isAfter(firstInSync[0].plusSeconds(3));
                });
    }

    private static void awaitAcknowledgements() {
        int before = load.acknowledgedCount();
        await(ACKS_BETWEEN_STEPS + " more acknowledgements").atMost(DEADLINE)
                .until(() -> load.acknowledgedCount() >= before + ACKS_BETWEEN_STEPS);
    }

    private static void awaitAllReceived(Set<String> acknowledged) {
        await(acknowledged.size() + " acknowledged messages received").atMost(DEADLINE)
                .pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> assertThat(notReceived(acknowledged)).as("acknowledged, not received").isEmpty());
        log.info("{} acknowledged, all received; {} duplicate deliveries so far", acknowledged.size(),
                load.duplicates());
    }

    private static Set<String> notReceived(Set<String> acknowledged) {
        Set<String> missing = new TreeSet<>(acknowledged);
        missing.removeAll(load.received());
        return missing;
    }

    private static NodeReplicationView replication(NodeView node) {
        return Objects.requireNonNull(node.replication(), () -> node.nodeId() + " has no replication figures");
    }

    private static NodeView node(String nodeId) {
        return client.listNodes(CLUSTER).stream().filter(node -> node.nodeId().equals(nodeId)).findFirst()
                .orElseThrow();
    }
}
