package io.cloudmq.controlplane.reconcile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import io.cloudmq.api.consumergroup.UpdateConsumerGroupRequest;
import io.cloudmq.api.credential.CreateCredentialRequest;
import io.cloudmq.api.credential.CredentialRole;
import io.cloudmq.api.instance.InstanceQuotas;
import io.cloudmq.api.instance.UpdateInstanceRequest;
import io.cloudmq.api.reconcile.OutboxEntryView;
import io.cloudmq.api.reconcile.OutboxState;
import io.cloudmq.api.topic.TopicPermission;
import io.cloudmq.api.topic.UpdateTopicRequest;
import io.cloudmq.controlplane.ControlPlaneTest;
import io.cloudmq.controlplane.TestClusters;
import io.cloudmq.controlplane.TestData;
import io.cloudmq.controlplane.consumergroup.ConsumerGroupService;
import io.cloudmq.controlplane.credential.CredentialService;
import io.cloudmq.controlplane.instance.InstanceService;
import io.cloudmq.controlplane.shared.error.DomainException;
import io.cloudmq.controlplane.shared.web.PageCursor;
import io.cloudmq.controlplane.topic.TopicService;
import io.cloudmq.controlplane.upgrade.InstanceLockedException;
import io.cloudmq.controlplane.upgrade.UpgradeWindowService;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Every change of what the nodes serve writes its outbox row and bumps the cluster generation in its own
 * transaction: committed together, refused or rolled back together. Real PostgreSQL; the reconcile loop is
 * off, so rows stay {@code PENDING}.
 */
@ControlPlaneTest
class DesiredStateOutboxTest {
    @Autowired OutboxService outbox;
    @Autowired GenerationCounter generations;
    @Autowired InstanceService instances;
    @Autowired TopicService topics;
    @Autowired ConsumerGroupService groups;
    @Autowired CredentialService credentials;
    @Autowired UpgradeWindowService windows;
    @Autowired TransactionTemplate transactions;
    @Autowired JdbcClient jdbc;

    private String cluster;
    private String instanceId;

    @BeforeEach
    void instance() {
        cluster = TestClusters.create(jdbc);
        instanceId = instances.create(TestData.instanceOn(cluster)).id();
    }

    @Test
    void creatingAnInstanceChangesNothingTheNodesServe() {
        assertThat(rows()).isEmpty();
        assertThat(generations.current(cluster)).isZero();
    }

    @Test
    void eachCommittedChangeLeavesOnePendingRowWithTheNextGeneration() {
        var topic = topics.create(instanceId, TestData.topic("orders"));
        groups.create(instanceId, TestData.group("billing"));
        topics.update(instanceId, "orders", new UpdateTopicRequest(null, TopicPermission.READ_ONLY, null, null),
                topic.version());
        groups.update(instanceId, "billing", new UpdateConsumerGroupRequest(null, null, 3, null), null);
        instances.update(instanceId, new UpdateInstanceRequest(null, null, new InstanceQuotas(null, null, null, 1024)),
                null);
        topics.delete(instanceId, "orders", null);

        assertThat(rows()).extracting(OutboxEntryView::generation).containsExactly(6L, 5L, 4L, 3L, 2L, 1L);
        assertThat(rows()).extracting(OutboxEntryView::change).containsExactly(
                instanceId + ": topic orders deleted",
                instanceId + ": instance quotas updated",
                instanceId + ": consumer group billing updated",
                instanceId + ": topic orders updated",
                instanceId + ": consumer group billing created",
                instanceId + ": topic orders created");
        assertThat(rows()).allSatisfy(row -> {
            assertThat(row.state()).isEqualTo(OutboxState.PENDING);
            assertThat(row.attempts()).isZero();
        });
        assertThat(generations.current(cluster)).isEqualTo(6);
    }

    @Test
    void credentialChangesLeaveOneRowEach() {
        String accessKey = credentials.create(instanceId, new CreateCredentialRequest(CredentialRole.PUB, null, null))
                .credential().accessKey();
        credentials.setEnabled(instanceId, accessKey, false);
        credentials.setEnabled(instanceId, accessKey, true);
        credentials.delete(instanceId, accessKey);

        assertThat(rows()).extracting(OutboxEntryView::change).containsExactly(
                instanceId + ": credential " + accessKey + " deleted",
                instanceId + ": credential " + accessKey + " enabled",
                instanceId + ": credential " + accessKey + " disabled",
                instanceId + ": credential " + accessKey + " created");
    }

    @Test
    void changesNodesDoNotServeLeaveNoRow() {
        var topic = topics.create(instanceId, TestData.topic("orders"));
        topics.update(instanceId, "orders", new UpdateTopicRequest(null, null, null, "remark only"), topic.version());
        instances.update(instanceId, new UpdateInstanceRequest("renamed", null, null), null);

        assertThat(rows()).hasSize(1);
    }

    @Test
    void refusedChangeLeavesNoRowAndNoGeneration() {
        topics.create(instanceId, TestData.topic("orders"));

        assertThatThrownBy(() -> topics.create(instanceId, TestData.topic("orders")))
                .isInstanceOf(DomainException.class);

        assertThat(rows()).hasSize(1);
        assertThat(generations.current(cluster)).isEqualTo(1);
    }

    @Test
    void rolledBackChangeLeavesNoRowAndNoGeneration() {
        transactions.executeWithoutResult(status -> {
            topics.create(instanceId, TestData.topic("orders"));
            assertThat(rows()).as("visible inside the transaction").hasSize(1);
            status.setRollbackOnly();
        });

        assertThat(rows()).isEmpty();
        assertThat(generations.current(cluster)).isZero();
        assertThat(topics.listOfInstances(List.of(instanceId))).isEmpty();
    }

    @Test
    void changeRefusedByTheUpgradeLockLeavesNoRow() {
        var window = windows.schedule(cluster, TestData.window(1));
        windows.start(cluster, window.id());

        assertThatThrownBy(() -> groups.create(instanceId, TestData.group("billing")))
                .isInstanceOf(InstanceLockedException.class);

        assertThat(rows()).isEmpty();
    }

    @Test
    void concurrentChangesOfOneClusterGetGenerationsInCommitOrder() throws Exception {
        String other = instances.create(TestData.instanceOn(cluster)).id();
        CountDownLatch firstHoldsItsGeneration = new CountDownLatch(1);
        CountDownLatch commitFirst = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            Future<?> first = threads.submit(() -> transactions.executeWithoutResult(status -> {
                topics.create(instanceId, TestData.topic("first"));
                firstHoldsItsGeneration.countDown();
                awaitLatch(commitFirst);
            }));
            assertThat(firstHoldsItsGeneration.await(30, TimeUnit.SECONDS)).isTrue();
            Future<?> second = threads.submit(() -> topics.create(other, TestData.topic("second")));

            await("second change waits for the first one's generation").during(Duration.ofMillis(500))
                    .atMost(Duration.ofSeconds(5)).until(() -> !second.isDone());
            commitFirst.countDown();
            first.get(30, TimeUnit.SECONDS);
            second.get(30, TimeUnit.SECONDS);
        } finally {
            threads.shutdownNow();
        }

        assertThat(rows()).extracting(OutboxEntryView::generation, OutboxEntryView::change).containsExactly(
                tuple(2L, other + ": topic second created"), tuple(1L, instanceId + ": topic first created"));
    }

    private static void awaitLatch(CountDownLatch latch) {
        try {
            assertThat(latch.await(30, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private List<OutboxEntryView> rows() {
        return outbox.page(cluster, null, PageCursor.parse(null, 100)).items();
    }
}
