package io.cloudmq.controlplane.instance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import io.cloudmq.api.client.ManagementClient;
import io.cloudmq.api.cluster.BrokerGroupRole;
import io.cloudmq.api.client.ProblemException;
import io.cloudmq.api.common.PageView;
import io.cloudmq.api.instance.CreateInstanceRequest;
import io.cloudmq.api.instance.InstanceQuotas;
import io.cloudmq.api.instance.InstanceTier;
import io.cloudmq.api.instance.InstanceView;
import io.cloudmq.api.instance.UpdateInstanceRequest;
import io.cloudmq.api.problem.ErrorCode;
import io.cloudmq.api.problem.FieldError;
import io.cloudmq.controlplane.ApiClients;
import io.cloudmq.controlplane.FullStackTest;
import io.cloudmq.controlplane.TestClusters;
import io.cloudmq.controlplane.TestData;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

@FullStackTest
class InstanceApiIT {
    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    private ManagementClient client;

    @BeforeEach
    void adminClient() {
        client = ApiClients.admin(port);
    }

    @Test
    void createsReadsUpdatesAndDeletesAnInstance() {
        InstanceView created = client.createInstance(TestData.instanceOn("local"), null);

        assertThat(created.id()).matches("MQ_INST_[0-9]{12}_[a-z0-9]{8}");
        assertThat(created.quotas().maxMessageBytes()).isEqualTo(4 * 1024 * 1024);
        assertThat(client.getInstance(created.id())).isEqualTo(created);

        var quotas = new InstanceQuotas(null, 7, null, null);
        var change = new UpdateInstanceRequest("renamed", null, quotas);
        InstanceView updated = client.updateInstance(created.id(), change, created.version());
        assertThat(updated.name()).isEqualTo("renamed");
        assertThat(updated.quotas().maxGroups()).isEqualTo(7);
        assertThat(updated.quotas().maxTopics()).isEqualTo(created.quotas().maxTopics());

        client.deleteInstance(created.id(), false, updated.version());
        assertThatThrownBy(() -> client.getInstance(created.id()))
                .isInstanceOfSatisfying(ProblemException.class, p -> {
                    assertThat(p.status()).isEqualTo(404);
                    assertThat(p.code()).isEqualTo(ErrorCode.NOT_FOUND);
                });
    }

    @Test
    void aClusterHaInstanceIsRefusedOnAClusterWithoutSyncMasterGroupsWhereASingleNodeOneIsPlaced() {
        String singleNode = TestClusters.createSingleNode(jdbc);
        var clusterHa = new CreateInstanceRequest("orders", null, singleNode, InstanceTier.CLUSTER_HA, null);

        assertThat(client.getCluster(singleNode).brokerGroupRoles()).containsExactly(
                entry("broker-a", BrokerGroupRole.ASYNC_MASTER), entry("broker-b", BrokerGroupRole.ASYNC_MASTER));
        assertThatThrownBy(() -> client.createInstance(clusterHa, null))
                .isInstanceOfSatisfying(ProblemException.class, p -> {
                    assertThat(p.status()).isEqualTo(409);
                    assertThat(p.code()).isEqualTo(ErrorCode.CONFLICT);
                    assertThat(p.detail()).contains("no SYNC_MASTER broker group");
                });
        assertThat(client.createInstance(TestData.instanceOn(singleNode), null).tier())
                .isEqualTo(InstanceTier.SINGLE_NODE);
    }

    @Test
    void staleIfMatchIsRefusedWith412() {
        InstanceView created = client.createInstance(TestData.instanceOn("local"), null);
        client.updateInstance(created.id(), new UpdateInstanceRequest(null, "first", null), created.version());

        assertThatThrownBy(() -> client.updateInstance(
                        created.id(), new UpdateInstanceRequest(null, "second", null), created.version()))
                .isInstanceOfSatisfying(ProblemException.class, p -> {
                    assertThat(p.status()).isEqualTo(412);
                    assertThat(p.code()).isEqualTo(ErrorCode.PRECONDITION_FAILED);
                });
        assertThat(client.getInstance(created.id()).description()).isEqualTo("first");
    }

    @Test
    void instanceWithTopicsIsDeletedOnlyWithForce() {
        InstanceView created = client.createInstance(TestData.instanceOn("local"), null);
        client.createTopic(created.id(), TestData.topic("orders"), null);

        assertThatThrownBy(() -> client.deleteInstance(created.id(), false, null))
                .isInstanceOfSatisfying(ProblemException.class, p -> assertThat(p.status()).isEqualTo(409));
        client.deleteInstance(created.id(), true, null);

        assertThatThrownBy(() -> client.getInstance(created.id()))
                .isInstanceOfSatisfying(ProblemException.class, p -> assertThat(p.status()).isEqualTo(404));
    }

    @Test
    void retentionAboveTheClustersMaximumIsAFieldError() {
        var request = new CreateInstanceRequest(
                "big", null, "local", InstanceTier.CLUSTER_HA, new InstanceQuotas(null, null, 169, null));

        assertThatThrownBy(() -> client.createInstance(request, null))
                .isInstanceOfSatisfying(ProblemException.class, p -> {
                    assertThat(p.status()).isEqualTo(400);
                    assertThat(p.errors()).extracting(FieldError::field).containsExactly("quotas.retentionHours");
                });
    }

    @Test
    void unknownClusterAndOversizeMessageQuotaAreFieldErrors() {
        var unknownCluster = new CreateInstanceRequest("x", null, "nowhere", InstanceTier.SINGLE_NODE, null);
        var hugeMessages = new CreateInstanceRequest(
                "x", null, "local", InstanceTier.SINGLE_NODE,
                new InstanceQuotas(null, null, null, 4 * 1024 * 1024 + 1));

        assertThatThrownBy(() -> client.createInstance(unknownCluster, null))
                .isInstanceOfSatisfying(ProblemException.class,
                        p -> assertThat(p.errors()).extracting(FieldError::field).containsExactly("cluster"));
        assertThatThrownBy(() -> client.createInstance(hugeMessages, null))
                .isInstanceOfSatisfying(ProblemException.class,
                        p -> assertThat(p.errors()).extracting(FieldError::field)
                                .containsExactly("quotas.maxMessageBytes"));
    }

    @Test
    void repeatedPostWithTheSameIdempotencyKeyReturnsTheFirstAnswer() {
        String key = UUID.randomUUID().toString();
        InstanceView first = client.createInstance(TestData.instanceOn("local"), key);

        InstanceView replay = client.createInstance(TestData.instanceOn("local"), key);

        assertThat(replay).isEqualTo(first);
    }

    @Test
    void sameIdempotencyKeyWithAnotherBodyIs422() {
        String key = UUID.randomUUID().toString();
        client.createInstance(TestData.instanceOn("local"), key);
        var other = new CreateInstanceRequest("other", null, "local", InstanceTier.CLUSTER_HA, null);

        assertThatThrownBy(() -> client.createInstance(other, key))
                .isInstanceOfSatisfying(ProblemException.class, p -> {
                    assertThat(p.status()).isEqualTo(422);
                    assertThat(p.code()).isEqualTo(ErrorCode.IDEMPOTENCY_KEY_REUSED);
                });
    }

    @Test
    void listPagesThroughEveryInstanceOnce() {
        for (int i = 0; i < 3; i++) {
            client.createInstance(TestData.instanceOn("local"), null);
        }
        var seen = new java.util.ArrayList<String>();
        String token = null;
        do {
            PageView<InstanceView> page = client.listInstances(token, 2);
            assertThat(page.items()).hasSizeLessThanOrEqualTo(2);
            page.items().forEach(instance -> seen.add(instance.id()));
            token = page.nextPageToken();
        } while (token != null);

        assertThat(seen).doesNotHaveDuplicates().isSorted().hasSizeGreaterThanOrEqualTo(3);
    }

    @Test
    void pageSizeAbove100IsAFieldError() {
        assertThatThrownBy(() -> client.listInstances(null, 101))
                .isInstanceOfSatisfying(ProblemException.class,
                        p -> assertThat(p.errors()).extracting(FieldError::field).containsExactly("pageSize"));
    }
}
