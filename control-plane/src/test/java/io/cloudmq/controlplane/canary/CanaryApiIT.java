package io.cloudmq.controlplane.canary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cloudmq.api.client.ManagementClient;
import io.cloudmq.api.client.ProblemException;
import io.cloudmq.api.common.PageView;
import io.cloudmq.api.instance.InstanceView;
import io.cloudmq.api.instance.UpdateInstanceRequest;
import io.cloudmq.api.problem.ErrorCode;
import io.cloudmq.api.upgrade.CanaryView;
import io.cloudmq.controlplane.ApiClients;
import io.cloudmq.controlplane.FullStackTest;
import io.cloudmq.controlplane.TestClusters;
import io.cloudmq.controlplane.TestData;
import java.util.ArrayList;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The canary endpoint, and the canary's system instance hidden from the tenant API (no real nodes here). */
@FullStackTest
class CanaryApiIT {
    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    CanaryProvisioner provisioner;

    private ManagementClient client;
    private String cluster;

    @BeforeEach
    void freshClusterWithoutNodes() {
        client = ApiClients.admin(port);
        cluster = TestClusters.create(jdbc);
    }

    @Test
    void theCanaryOfAClusterIsItsSystemInstanceNotRunningWithoutNodes() {
        CanaryAccess access = provisioner.provision(cluster);

        CanaryView canary = client.getCanary(cluster);

        assertThat(canary.instanceId()).isEqualTo(access.instanceId());
        assertThat(canary.topic()).isEqualTo(CanaryProvisioner.TOPIC);
        assertThat(canary.consumerGroup()).isEqualTo(CanaryProvisioner.CONSUMER_GROUP);
        assertThat(canary.running()).isFalse();
        assertThat(canary.sent()).isZero();
        assertThat(canary.sendLatencyP99Millis()).isNull();
    }

    @Test
    void provisioningTwiceKeepsTheSameInstanceAndCredential() {
        CanaryAccess first = provisioner.provision(cluster);

        assertThat(provisioner.provision(cluster)).isEqualTo(first);
    }

    @Test
    void theCanaryOfAClusterWithoutOneOrOfAnUnknownClusterIsANotFoundProblem() {
        assertNotFound(() -> client.getCanary(cluster));
        assertNotFound(() -> client.getCanary("no-such-cluster"));
    }

    @Test
    void theSystemInstanceIsNotListedAndAnswers404ThroughTheTenantApi() {
        InstanceView tenant = client.createInstance(TestData.instanceOn(cluster), null);
        String hidden = provisioner.provision(cluster).instanceId();

        assertThat(allInstanceIds()).contains(tenant.id()).doesNotContain(hidden);
        assertNotFound(() -> client.getInstance(hidden));
        assertNotFound(() -> client.updateInstance(hidden, new UpdateInstanceRequest("mine", null, null), null));
        assertNotFound(() -> client.deleteInstance(hidden, true, null));
        assertNotFound(() -> client.listTopics(hidden, null, null));
        assertNotFound(() -> client.getTopic(hidden, CanaryProvisioner.TOPIC));
        assertNotFound(() -> client.createTopic(hidden, TestData.topic("stolen"), null));
        assertNotFound(() -> client.listCredentials(hidden, null, null));
        assertThat(client.getInstance(tenant.id()).id()).isEqualTo(tenant.id());
    }

    private List<String> allInstanceIds() {
        List<String> ids = new ArrayList<>();
        @Nullable String token = null;
        do {
            PageView<InstanceView> page = client.listInstances(token, 100);
            page.items().forEach(instance -> ids.add(instance.id()));
            token = page.nextPageToken();
        } while (token != null);
        return ids;
    }

    private static void assertNotFound(ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOfSatisfying(ProblemException.class, problem -> {
            assertThat(problem.status()).isEqualTo(404);
            assertThat(problem.code()).isEqualTo(ErrorCode.NOT_FOUND);
        });
    }
}
