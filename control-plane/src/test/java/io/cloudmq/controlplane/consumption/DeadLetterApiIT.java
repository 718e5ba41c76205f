package io.cloudmq.controlplane.consumption;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cloudmq.api.client.ManagementClient;
import io.cloudmq.api.client.ProblemException;
import io.cloudmq.api.consumergroup.DeadLetterResendRequest;
import io.cloudmq.api.problem.FieldError;
import io.cloudmq.api.upgrade.UpgradeWindowView;
import io.cloudmq.controlplane.ApiClients;
import io.cloudmq.controlplane.FullStackTest;
import io.cloudmq.controlplane.TestClusters;
import io.cloudmq.controlplane.TestData;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The dead-letter API's refusals, on a cluster without nodes (no letters): reading and resending the letters of
 * a real group is {@code StandaloneIT}'s.
 */
@FullStackTest
class DeadLetterApiIT {
    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    private ManagementClient client;
    private String cluster;
    private String instanceId;

    @BeforeEach
    void groupOnItsOwnCluster() {
        client = ApiClients.admin(port);
        cluster = TestClusters.create(jdbc);
        instanceId = client.createInstance(TestData.instanceOn(cluster), null).id();
        client.createConsumerGroup(instanceId, TestData.group("billing"), null);
    }

    @Test
    void aGroupWithoutDeadLettersHasOneEmptyPage() {
        assertThat(client.listDeadLetters(instanceId, "billing", 0, 20).items()).isEmpty();
        assertThat(client.listDeadLetters(instanceId, "billing", 0, 20).nextPageToken()).isNull();
    }

    @Test
    void aPageSizeOutOfRangeIsAFieldErrorAndAnUnknownGroupIs404() {
        assertThatThrownBy(() -> client.listDeadLetters(instanceId, "billing", 0, 101))
                .isInstanceOfSatisfying(ProblemException.class,
                        p -> assertThat(p.errors()).extracting(FieldError::field).containsExactly("size"));
        assertThatThrownBy(() -> client.listDeadLetters(instanceId, "no-such-group", 0, 20))
                .isInstanceOfSatisfying(ProblemException.class, p -> assertThat(p.status()).isEqualTo(404));
        assertThatThrownBy(() -> client.resendDeadLetters(instanceId, "no-such-group",
                new DeadLetterResendRequest(List.of("00")), null))
                .isInstanceOfSatisfying(ProblemException.class, p -> assertThat(p.status()).isEqualTo(404));
    }

    @Test
    void aResendWithoutIdsIsRefusedWith400() {
        assertThatThrownBy(() -> client.exchange("POST",
                "/api/v1/instances/" + instanceId + "/consumer-groups/billing/dead-letters/resends", "application/json",
                "{\"messageIds\":[]}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(ProblemException.class, p -> assertThat(p.status()).isEqualTo(400));
    }

    @Test
    void aResendIsAllowedUnderAnUpgradeLock() {
        UpgradeWindowView window = client.scheduleUpgradeWindow(cluster, TestData.window(6), null);
        client.startUpgradeWindow(cluster, window.id());

        assertThat(client.resendDeadLetters(instanceId, "billing", new DeadLetterResendRequest(List.of("00")), "key-1")
                .resent()).isEmpty();
    }
}
