package io.cloudmq.controlplane.failover;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudmq.api.failover.SwitchoverJobState;
import io.cloudmq.api.failover.SwitchoverJobView;
import io.cloudmq.controlplane.FullStackTest;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A planned switchover driven against stub brokers: the 202 job resource, its idempotency and its sequence. */
@FullStackTest
class SwitchoverApiIT {
    @LocalServerPort
    int port;

    private SwitchoverTestApi api;
    private final String group = "sw-" + UUID.randomUUID().toString().substring(0, 8);

    @BeforeEach
    void api() {
        api = new SwitchoverTestApi(port);
    }

    @Test
    void theMasterDrainsTheSlaveIsPromotedInANewEpochAndTheOldMasterFollows() throws Exception {
        try (StubBroker master = new StubBroker(group + "-0", group, "SYNC_MASTER");
                StubBroker slave = new StubBroker(group + "-1", group, "SLAVE")) {
            api.registerUp(master, slave);
            String key = "switch-" + group;

            HttpResponse<String> accepted = api.requestSwitchover(group, key);
            HttpResponse<String> replayed = api.requestSwitchover(group, key);

            UUID jobId = SwitchoverTestApi.acceptedJob(accepted);
            assertThat(SwitchoverTestApi.acceptedJob(replayed)).as("the same Idempotency-Key answers the same job")
                    .isEqualTo(jobId);
            assertThat(replayed.headers().firstValue("Idempotent-Replayed")).hasValue("true");
            SwitchoverJobView job = api.admin().getSwitchoverJob(SwitchoverTestApi.CLUSTER, jobId);
            assertThat(job.fromNodeId()).isEqualTo(group + "-0");
            assertThat(job.toNodeId()).isEqualTo(group + "-1");
            SwitchoverJobView done = api.awaitEnd(jobId);
            assertThat(done.state()).as(String.valueOf(done.detail())).isEqualTo(SwitchoverJobState.SUCCEEDED);
            assertThat(done.epoch()).isEqualTo(1);
            assertThat(master.actions()).containsExactly("drain");
            String promotion = "promote {\"epoch\":1,\"role\":\"SYNC_MASTER\"}";
            assertThat(slave.actions()).as("fenced, promoted in epoch 1 (the failover watcher may repeat it), unfenced")
                    .startsWith("fence", promotion).endsWith("unfence")
                    .allMatch(action -> action.equals("fence") || action.equals("unfence") || action.equals(promotion));
            assertThat(api.find(group + "-1").brokerId()).as("the promoted slave is broker id 0").isZero();
            assertThat(api.find(group + "-0").brokerId()).isEqualTo(1);
        }
    }
}
