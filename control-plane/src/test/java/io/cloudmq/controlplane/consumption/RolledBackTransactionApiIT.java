package io.cloudmq.controlplane.consumption;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cloudmq.api.client.ManagementClient;
import io.cloudmq.api.client.ProblemException;
import io.cloudmq.api.problem.FieldError;
import io.cloudmq.controlplane.ApiClients;
import io.cloudmq.controlplane.FullStackTest;
import io.cloudmq.controlplane.TestClusters;
import io.cloudmq.controlplane.TestData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The rolled-back transactions API through the {@link ManagementClient}, on a cluster without nodes (nothing
 * rolled back): listing the halves a real broker kept is unit-tested on both sides of the node admin API.
 */
@FullStackTest
class RolledBackTransactionApiIT {
    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    private ManagementClient client;
    private String instanceId;

    @BeforeEach
    void instanceOnItsOwnCluster() {
        client = ApiClients.admin(port);
        instanceId = client.createInstance(TestData.instanceOn(TestClusters.create(jdbc)), null).id();
    }

    @Test
    void anInstanceWithoutRolledBackTransactionsHasOneEmptyPage() {
        assertThat(client.listRolledBackTransactions(instanceId, 0, 20).items()).isEmpty();
        assertThat(client.listRolledBackTransactions(instanceId, 0, 20).nextPageToken()).isNull();
    }

    @Test
    void aPageBeyondTheDepthIsAFieldErrorAndAnUnknownInstanceIs404() {
        assertThatThrownBy(() -> client.listRolledBackTransactions(instanceId, 10, 100))
                .isInstanceOfSatisfying(ProblemException.class,
                        p -> assertThat(p.errors()).extracting(FieldError::field).containsExactly("page"));
        assertThatThrownBy(() -> client.listRolledBackTransactions("MQ_NO_SUCH_INSTANCE", 0, 20))
                .isInstanceOfSatisfying(ProblemException.class, p -> assertThat(p.status()).isEqualTo(404));
    }
}
