package io.cloudmq.controlplane.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudmq.api.consumergroup.CreateConsumerGroupRequest;
import io.cloudmq.api.consumergroup.DeliveryOrder;
import io.cloudmq.api.instance.CreateInstanceRequest;
import io.cloudmq.api.instance.InstanceQuotas;
import io.cloudmq.api.instance.InstanceTier;
import io.cloudmq.api.node.DesiredGroup;
import io.cloudmq.api.node.DesiredState;
import io.cloudmq.api.node.DesiredTopic;
import io.cloudmq.api.reconcile.NodeReconciliationView;
import io.cloudmq.api.reconcile.OutboxEntryView;
import io.cloudmq.api.reconcile.OutboxState;
import io.cloudmq.api.reconcile.ReconciliationView;
import io.cloudmq.api.topic.CreateTopicRequest;
import io.cloudmq.api.topic.MessageType;
import io.cloudmq.api.topic.TopicPermission;
import io.cloudmq.api.topic.TopicPlacement;
import io.cloudmq.controlplane.ControlPlaneTest;
import io.cloudmq.controlplane.TestClusters;
import io.cloudmq.controlplane.consumergroup.ConsumerGroupService;
import io.cloudmq.controlplane.instance.InstanceService;
import io.cloudmq.controlplane.node.NodeService;
import io.cloudmq.controlplane.node.NodeToken;
import io.cloudmq.controlplane.shared.web.PageCursor;
import io.cloudmq.controlplane.topic.TopicService;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The reconciler against stub node admin APIs (real HTTP on loopback) and the real database: each test drives
 * the passes itself at chosen instants (the background loop is off in tests). Cluster: broker groups
 * {@code broker-a} and {@code broker-b} with one stub broker each, plus one stub name server.
 */
@ControlPlaneTest
class ReconcilerIT {
    private static final int MAX_MESSAGE_BYTES = 1024 * 1024;

    @Autowired Reconciler reconciler;
    @Autowired OutboxService outbox;
    @Autowired NodeReconciliationService records;
    @Autowired NodeService nodes;
    @Autowired InstanceService instances;
    @Autowired TopicService topics;
    @Autowired ConsumerGroupService groups;
    @Autowired NodeToken nodeToken;
    @Autowired JdbcClient jdbc;
    @Autowired Clock clock;

    private String cluster;
    private String instanceId;
    private StubNode brokerA;
    private StubNode brokerB;
    private StubNode nameServer;

    @BeforeEach
    void clusterWithStubNodes() {
        cluster = TestClusters.create(jdbc);
        brokerA = StubNode.broker("broker-a", nodeToken.value());
        brokerB = StubNode.broker("broker-b", nodeToken.value());
        nameServer = StubNode.nameServer(nodeToken.value());
        for (StubNode node : List.of(brokerA, brokerB, nameServer)) {
            nodes.register(cluster, node.registration());
        }
        instanceId = instances.create(new CreateInstanceRequest("reconciled", null, cluster, InstanceTier.SINGLE_NODE,
                new InstanceQuotas(null, null, null, MAX_MESSAGE_BYTES))).id();
    }

    @AfterEach
    void stopStubs() {
        brokerA.close();
        brokerB.close();
        nameServer.close();
    }

    @Test
    void pushesEachNodeItsPlacedTopicsAndEveryGroupThenMarksTheRowsDone() {
        topics.create(instanceId, new CreateTopicRequest("orders", MessageType.FIFO, TopicPermission.READ_ONLY,
                new TopicPlacement(List.of("broker-a"), 2), null));
        groups.create(instanceId, new CreateConsumerGroupRequest("billing", DeliveryOrder.ORDERLY, null, 5, null));

        reconciler.reconcileOutbox(clock.instant());

        long generation = desiredGeneration();
        assertThat(generation).isEqualTo(2);
        DesiredGroup billing = new DesiredGroup(instanceId + "%billing", 5, true, false);
        assertThat(brokerA.received()).singleElement().isEqualTo(new DesiredState(generation,
                List.of(new DesiredTopic(instanceId + "%orders", 2, 4, "FIFO", MAX_MESSAGE_BYTES)), List.of(billing)));
        assertThat(brokerB.received()).singleElement()
                .isEqualTo(new DesiredState(generation, List.of(), List.of(billing)));
        assertThat(nameServer.received()).singleElement()
                .isEqualTo(new DesiredState(generation, List.of(), List.of()));
        assertThat(rows()).extracting(OutboxEntryView::state).containsExactly(OutboxState.DONE, OutboxState.DONE);
        assertThat(records.view(cluster).nodes()).hasSize(3).allSatisfy(node -> {
            assertThat(node.appliedGeneration()).isEqualTo(generation);
            assertThat(node.inSync()).isTrue();
            assertThat(node.lastError()).isNull();
        });
    }

    @Test
    void nodeDownIsRetriedAfterTheBackOffAndTheRowIsDoneOnceItApplies() {
        brokerB.failing(true);
        topics.create(instanceId, topic("orders"));
        Instant first = clock.instant();

        reconciler.reconcileOutbox(first);

        OutboxEntryView pending = rows().get(0);
        assertThat(pending.state()).isEqualTo(OutboxState.PENDING);
        assertThat(pending.attempts()).isEqualTo(1);
        assertThat(pending.lastError()).contains("broker-b-0", "503").doesNotContain("broker-a-0");
        assertThat(pending.nextAttemptAt()).isEqualTo(first.plus(Duration.ofSeconds(1)));
        assertThat(node("broker-b-0").failedAttempts()).isEqualTo(1);

        brokerB.failing(false);
        reconciler.reconcileOutbox(first.plusMillis(500));
        assertThat(brokerB.received()).as("not due before the back-off").isEmpty();

        reconciler.reconcileOutbox(first.plusSeconds(1));

        assertThat(rows().get(0).state()).isEqualTo(OutboxState.DONE);
        assertThat(brokerB.lastReceived().topics()).extracting(DesiredTopic::name).containsExactly(instanceId + "%orders");
        assertThat(brokerA.received()).as("a node in sync is not pushed again").hasSize(1);
        assertThat(node("broker-b-0").failedAttempts()).isZero();
        assertThat(node("broker-b-0").inSync()).isTrue();
    }

    @Test
    void rowFailsAfterTheMaximumNumberOfAttempts() {
        brokerA.failing(true);
        topics.create(instanceId, topic("orders"));
        Instant now = clock.instant();

        for (int attempt = 1; attempt <= 10; attempt++) {
            reconciler.reconcileOutbox(now.plus(Duration.ofHours(attempt)));
        }
        brokerA.failing(false);
        reconciler.reconcileOutbox(now.plus(Duration.ofHours(11)));

        OutboxEntryView failed = rows().get(0);
        assertThat(failed.state()).isEqualTo(OutboxState.FAILED);
        assertThat(failed.attempts()).isEqualTo(10);
        assertThat(failed.lastError()).contains("broker-a-0", "503");
        assertThat(failed.completedAt()).isNotNull();
        assertThat(brokerA.received()).as("no outbox push once the row failed").isEmpty();
        assertThat(node("broker-a-0").failedAttempts()).isEqualTo(10);
    }

    @Test
    void wrongNodeTokenIsRecordedAsRejectedWith401() {
        StubNode stranger = StubNode.broker("broker-b", "another-clusters-token");
        try (stranger) {
            nodes.register(cluster, stranger.registration());
            topics.create(instanceId, topic("orders"));

            reconciler.reconcileOutbox(clock.instant());

            NodeReconciliationView node = node("broker-b-0");
            assertThat(node.appliedGeneration()).isNull();
            assertThat(node.lastError()).startsWith("REJECTED").contains("401");
            assertThat(rows().get(0).state()).isEqualTo(OutboxState.PENDING);
        }
    }

    @Test
    void nodeAnsweringAnotherGenerationIsNotCountedAsApplied() {
        brokerA.serveGeneration(1000);
        topics.create(instanceId, topic("orders"));

        reconciler.reconcileOutbox(clock.instant());

        NodeReconciliationView node = node("broker-a-0");
        assertThat(node.appliedGeneration()).isNull();
        assertThat(node.lastError()).isEqualTo("node serves generation 1000, not the pushed 1");
        assertThat(rows().get(0).state()).isEqualTo(OutboxState.PENDING);
    }

    @Test
    void driftRepairPushesTheFullStateToANodeThatRestartedEmptyOrServesAnOlderGeneration() {
        topics.create(instanceId, topic("orders"));
        topics.create(instanceId, topic("payments"));
        reconciler.reconcileOutbox(clock.instant());
        brokerA.serveGeneration(0);
        brokerB.serveGeneration(1);

        reconciler.repairDrift(clock.instant());

        assertThat(brokerA.generation()).isEqualTo(2);
        assertThat(brokerA.received()).hasSize(2);
        assertThat(brokerA.lastReceived().topics()).extracting(DesiredTopic::name)
                .containsExactly(instanceId + "%orders", instanceId + "%payments");
        assertThat(brokerB.generation()).isEqualTo(2);
        assertThat(brokerB.received()).hasSize(2);
        assertThat(nameServer.received()).as("a node in sync is left alone").hasSize(1);
        assertThat(records.view(cluster).nodes()).allSatisfy(node -> assertThat(node.inSync()).isTrue());
    }

    @Test
    void deletedInstanceDisappearsFromEveryNode() {
        topics.create(instanceId, topic("orders"));
        groups.create(instanceId, new CreateConsumerGroupRequest("billing", null, null, null, null));
        instances.delete(instanceId, true, null);

        reconciler.reconcileOutbox(clock.instant());

        assertThat(brokerA.lastReceived()).isEqualTo(new DesiredState(3, List.of(), List.of()));
        assertThat(brokerB.lastReceived()).isEqualTo(new DesiredState(3, List.of(), List.of()));
        assertThat(rows()).extracting(OutboxEntryView::state).containsOnly(OutboxState.DONE);
    }

    @Test
    void driftRepairLeavesNodesAloneBeforeTheFirstChange() {
        reconciler.repairDrift(clock.instant());

        assertThat(desiredGeneration()).isZero();
        assertThat(brokerA.received()).isEmpty();
        assertThat(nameServer.received()).isEmpty();
    }

    private static CreateTopicRequest topic(String name) {
        return new CreateTopicRequest(name, MessageType.NORMAL, null, null, null);
    }

    private long desiredGeneration() {
        return records.view(cluster).desiredGeneration();
    }

    private List<OutboxEntryView> rows() {
        return outbox.page(cluster, null, PageCursor.parse(null, 100)).items();
    }

    private NodeReconciliationView node(String nodeId) {
        ReconciliationView view = records.view(cluster);
        return view.nodes().stream().filter(node -> node.nodeId().equals(nodeId)).findFirst().orElseThrow();
    }
}
