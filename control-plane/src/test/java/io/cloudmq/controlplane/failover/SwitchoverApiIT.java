package io.cloudmq.controlplane.failover;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.cloudmq.api.client.ManagementClient;
import io.cloudmq.api.client.ProblemException;
import io.cloudmq.api.failover.SwitchoverJobState;
import io.cloudmq.api.failover.SwitchoverJobView;
import io.cloudmq.api.node.NodeState;
import io.cloudmq.api.node.NodeView;
import io.cloudmq.controlplane.ApiClients;
import io.cloudmq.controlplane.EmbeddedPostgresInitializer;
import io.cloudmq.controlplane.FullStackTest;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A planned switchover driven against stub brokers: the job's sequence, idempotency and refusals. */
@FullStackTest
class SwitchoverApiIT {
    private static final String REGISTRATIONS = "/api/v1/clusters/local/nodes/registrations";
    private static final Duration DEADLINE = Duration.ofSeconds(30);

    @LocalServerPort
    int port;

    private ManagementClient admin;
    private ManagementClient nodeClient;
    private final String group = "sw-" + UUID.randomUUID().toString().substring(0, 8);

    @BeforeEach
    void clients() {
        admin = ApiClients.admin(port);
        nodeClient = ApiClients.withToken(port, EmbeddedPostgresInitializer.NODE_BOOTSTRAP_TOKEN);
    }

    @Test
    void theMasterDrainsTheSlaveIsPromotedInANewEpochAndTheOldMasterFollows() throws Exception {
        try (StubBroker master = new StubBroker(group + "-0", group, "SYNC_MASTER");
                StubBroker slave = new StubBroker(group + "-1", group, "SLAVE")) {
            register(master, 0);
            register(slave, 1);
            awaitUp(group + "-0", group + "-1");
            String key = "switch-" + group;

            SwitchoverJobView accepted = admin.switchover("local", group, key);
            SwitchoverJobView replayed = admin.switchover("local", group, key);

            assertThat(replayed.id()).as("the same Idempotency-Key answers the same job").isEqualTo(accepted.id());
            assertThat(accepted.fromNodeId()).isEqualTo(group + "-0");
            assertThat(accepted.toNodeId()).isEqualTo(group + "-1");
            await("switchover done").atMost(DEADLINE)
                    .until(() -> admin.getSwitchoverJob("local", accepted.id()).state().terminal());
            SwitchoverJobView done = admin.getSwitchoverJob("local", accepted.id());
            assertThat(done.state()).as(String.valueOf(done.detail())).isEqualTo(SwitchoverJobState.SUCCEEDED);
            assertThat(done.epoch()).isEqualTo(1);
            assertThat(master.actions()).containsExactly("drain");
            String promotion = "promote {\"epoch\":1,\"role\":\"SYNC_MASTER\"}";
            assertThat(slave.actions()).as("fenced, promoted in epoch 1 (the failover watcher may repeat it), unfenced")
                    .startsWith("fence", promotion).endsWith("unfence")
                    .allMatch(action -> action.equals("fence") || action.equals("unfence") || action.equals(promotion));
            assertThat(find(group + "-1").brokerId()).as("the promoted slave is broker id 0").isZero();
            assertThat(find(group + "-0").brokerId()).isEqualTo(1);
        }
    }

    @Test
    void aGroupWithoutASlaveUpOrAnUnknownGroupOrJobIsRefused() throws Exception {
        try (StubBroker master = new StubBroker(group + "-0", group, "SYNC_MASTER")) {
            register(master, 0);
            awaitUp(group + "-0");

            assertThatThrownBy(() -> admin.switchover("local", group, null))
                    .isInstanceOfSatisfying(ProblemException.class, problem -> assertThat(problem.status()).isEqualTo(409));
            assertThat(master.actions()).isEmpty();
        }
        assertThatThrownBy(() -> admin.switchover("local", "no-such-group", null))
                .isInstanceOfSatisfying(ProblemException.class, problem -> assertThat(problem.status()).isEqualTo(404));
        assertThatThrownBy(() -> admin.getSwitchoverJob("local", UUID.randomUUID()))
                .isInstanceOfSatisfying(ProblemException.class, problem -> assertThat(problem.status()).isEqualTo(404));
    }

    private void register(StubBroker broker, int brokerId) {
        nodeClient.exchange("POST", REGISTRATIONS, "application/json", broker.registration(brokerId));
    }

    private void awaitUp(String... nodeIds) {
        for (String nodeId : nodeIds) {
            await(nodeId + " UP").atMost(DEADLINE).until(() -> find(nodeId).state() == NodeState.UP);
        }
    }

    private NodeView find(String nodeId) {
        return admin.listNodes("local").stream().filter(n -> n.nodeId().equals(nodeId)).findFirst().orElseThrow();
    }
}
