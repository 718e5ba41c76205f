package io.cloudmq.controlplane.reconcile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cloudmq.api.client.ManagementClient;
import io.cloudmq.api.client.ProblemException;
import io.cloudmq.api.common.PageView;
import io.cloudmq.api.problem.ErrorCode;
import io.cloudmq.api.reconcile.OutboxEntryView;
import io.cloudmq.api.reconcile.OutboxState;
import io.cloudmq.api.reconcile.ReconciliationView;
import io.cloudmq.api.security.ApiKeyRole;
import io.cloudmq.controlplane.ApiClients;
import io.cloudmq.controlplane.FullStackTest;
import io.cloudmq.controlplane.TestClusters;
import io.cloudmq.controlplane.TestData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The read endpoints of reconciliation through {@link ManagementClient}; the reconcile loop is off in tests. */
@FullStackTest
class ReconciliationApiIT {
    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    private ManagementClient admin;
    private String cluster;
    private String instanceId;

    @BeforeEach
    void instanceOnAFreshCluster() {
        admin = ApiClients.admin(port);
        cluster = TestClusters.create(jdbc);
        instanceId = admin.createInstance(TestData.instanceOn(cluster), null).id();
    }

    @Test
    void restChangesAppearAsPendingOutboxRowsNewestFirstPageByPage() {
        admin.createTopic(instanceId, TestData.topic("orders"), null);
        admin.createConsumerGroup(instanceId, TestData.group("billing"), null);

        PageView<OutboxEntryView> first = admin.listOutbox(cluster, OutboxState.PENDING, null, 1);
        assertThat(first.items()).singleElement().satisfies(row -> {
            assertThat(row.generation()).isEqualTo(2);
            assertThat(row.change()).isEqualTo(instanceId + ": consumer group billing created");
        });
        PageView<OutboxEntryView> second = admin.listOutbox(cluster, OutboxState.PENDING, first.nextPageToken(), 1);
        assertThat(second.items()).extracting(OutboxEntryView::generation).containsExactly(1L);
        assertThat(second.nextPageToken()).isNull();
        assertThat(admin.listOutbox(cluster, OutboxState.DONE, null, null).items()).isEmpty();
    }

    @Test
    void readOnlyKeyReadsTheDesiredGenerationOfAClusterWithoutNodes() {
        admin.createTopic(instanceId, TestData.topic("orders"), null);

        ReconciliationView view = ApiClients.withRole(port, ApiKeyRole.READ_ONLY).getReconciliation(cluster);

        assertThat(view.clusterId()).isEqualTo(cluster);
        assertThat(view.desiredGeneration()).isEqualTo(1);
        assertThat(view.nodes()).isEmpty();
    }

    @Test
    void unknownClusterIsANotFoundProblem() {
        assertThatThrownBy(() -> admin.getReconciliation("no-such-cluster"))
                .isInstanceOfSatisfying(ProblemException.class, p -> assertThat(p.code()).isEqualTo(ErrorCode.NOT_FOUND));
        assertThatThrownBy(() -> admin.listOutbox("no-such-cluster", null, null, null))
                .isInstanceOfSatisfying(ProblemException.class, p -> assertThat(p.status()).isEqualTo(404));
    }

    @Test
    void unknownStateIsAValidationProblem() {
        assertThatThrownBy(() -> admin.exchange("GET", "/api/v1/clusters/" + cluster + "/outbox?state=LOST", null, null))
                .isInstanceOfSatisfying(ProblemException.class, p -> assertThat(p.status()).isEqualTo(400));
    }
}
