package io.cloudmq.controlplane.upgrade;

import static io.cloudmq.controlplane.upgrade.UpgradeNodes.OLD;
import static io.cloudmq.controlplane.upgrade.UpgradeNodes.TARGET;
import static org.assertj.core.api.Assertions.assertThat;

import io.cloudmq.api.node.NodeState;
import io.cloudmq.api.node.NodeView;
import io.cloudmq.api.node.ReplicationView;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class UpgradeGatesTest {
    private final FakeNodeControl control = new FakeNodeControl();
    private final UpgradeGates gates = new UpgradeGates(control);

    @Test
    void aNodeThatIsNotUpIsNotReady() {
        StepOutcome gate = gates.ready(UpgradeNodes.broker("broker-a", 1, NodeState.DOWN, TARGET), TARGET, List.of());

        assertThat(gate.ok()).isFalse();
        assertThat(gate.detail()).contains("UP");
        assertThat(control.calls).isEmpty();
    }

    @Test
    void aNodeStillReportingTheOldVersionIsNotReady() {
        StepOutcome gate = gates.ready(UpgradeNodes.nameServer(0, NodeState.UP, OLD), TARGET, List.of());

        assertThat(gate).isEqualTo(StepOutcome.failed("namesrv-0 reports version 0.1.0, not 0.2.0"));
    }

    @Test
    void aNameServerIsReadyOnlyOnceEveryBrokerRegisteredWithIt() {
        NodeView nameServer = UpgradeNodes.nameServer(1, NodeState.UP, TARGET);
        List<String> brokers = List.of("broker-a-0:10911", "broker-a-1:10911");

        control.registered = null;
        StepOutcome silent = gates.ready(nameServer, TARGET, brokers);
        control.registered = Set.of("broker-a-1:10911");
        StepOutcome partial = gates.ready(nameServer, TARGET, brokers);
        control.registered = Set.of("broker-a-0:10911", "broker-a-1:10911");
        StepOutcome complete = gates.ready(nameServer, TARGET, brokers);

        assertThat(silent).isEqualTo(StepOutcome.failed("namesrv-1 did not answer its registered brokers"));
        assertThat(partial).isEqualTo(StepOutcome.failed("namesrv-1 waits for broker-a-0:10911 to register"));
        assertThat(complete.ok()).isTrue();
        assertThat(control.calls).containsOnly("registered:namesrv-1");
    }

    @Test
    void aBrokerIsReadyOnlyWhenItsReplicationIsInSync() {
        NodeView slave = UpgradeNodes.broker("broker-a", 1, NodeState.UP, TARGET);

        control.replication = null;
        StepOutcome silent = gates.ready(slave, TARGET, List.of());
        control.replication = new ReplicationView("SLAVE", 1, 3, 1000, -1, false, 4096, 0);
        StepOutcome behind = gates.ready(slave, TARGET, List.of());
        control.replication = new ReplicationView("SLAVE", 1, 3, 5096, -1, true, 0, 0);
        StepOutcome inSync = gates.ready(slave, TARGET, List.of());

        assertThat(silent.ok()).isFalse();
        assertThat(behind.ok()).isFalse();
        assertThat(behind.detail()).contains("4096");
        assertThat(inSync.ok()).isTrue();
        assertThat(control.calls).containsExactly("replication:broker-a-1", "replication:broker-a-1", "replication:broker-a-1");
    }
}
