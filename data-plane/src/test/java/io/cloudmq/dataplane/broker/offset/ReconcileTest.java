package io.cloudmq.dataplane.broker.offset;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudmq.dataplane.config.NodeJson;
import io.cloudmq.dataplane.store.TestClock;
import io.cloudmq.dataplane.store.file.StateFile;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A master's and a slave's offset stores meeting again after the slave accepted commits on its own. */
class ReconcileTest {
    private static final Instant START = Instant.parse("2026-11-22T10:00:00Z");

    @TempDir
    Path dir;

    private final TestClock masterClock = new TestClock(START);
    private final TestClock slaveClock = new TestClock(START);

    private ConsumerOffsetStore open(String fileName, TestClock clock) throws IOException {
        return ConsumerOffsetStore.open(new StateFile(dir.resolve(fileName)), NodeJson.mapper(), () -> 1, clock);
    }

    @Test
    void theSlaveKeepsItsLaterCommitAndTheMasterLearnsIt() throws Exception {
        ConsumerOffsetStore master = open("master.json", masterClock);
        ConsumerOffsetStore slave = open("slave.json", slaveClock);
        master.commit("T", "G", 0, 3);
        slaveClock.advanceMillis(1_000);
        slave.commit("T", "G", 0, 8);
        slave.commit("T", "H", 1, 4);

        Map<String, Map<Integer, CommittedOffset>> newer =
                slave.reconcileWithMaster(master.entries(), master.pendingResets());
        int taken = master.learnFromSlave(newer);

        assertThat(slave.committed("T", "G", 0)).as("the slave's later commit").hasValue(8);
        assertThat(newer).isEqualTo(slave.entries());
        assertThat(taken).isEqualTo(2);
        assertThat(master.entries()).isEqualTo(slave.entries());
        assertThat(slave.reconcileWithMaster(master.entries(), master.pendingResets())).as("converged").isEmpty();
    }

    @Test
    void theSlaveTakesTheMastersLaterCommitAndReportsNothing() throws Exception {
        ConsumerOffsetStore master = open("master.json", masterClock);
        ConsumerOffsetStore slave = open("slave.json", slaveClock);
        slave.commit("T", "G", 0, 8);
        masterClock.advanceMillis(1_000);
        master.commit("T", "G", 0, 3);

        Map<String, Map<Integer, CommittedOffset>> newer =
                slave.reconcileWithMaster(master.entries(), master.pendingResets());

        assertThat(newer).isEmpty();
        assertThat(slave.committed("T", "G", 0)).hasValue(3);
    }

    @Test
    void aPendingResetOnTheMasterWinsOverTheSlavesLaterCommitOnBothSides() throws Exception {
        ConsumerOffsetStore master = open("master.json", masterClock);
        ConsumerOffsetStore slave = open("slave.json", slaveClock);
        master.reset("T", "G", 0, 2);
        slaveClock.advanceMillis(1_000);
        slave.commit("T", "G", 0, 8);
        Map<String, Map<Integer, CommittedOffset>> slaves = slave.entries();

        Map<String, Map<Integer, CommittedOffset>> newer =
                slave.reconcileWithMaster(master.entries(), master.pendingResets());

        assertThat(master.pendingResets()).isEqualTo(Map.of("T@G", Set.of(0)));
        assertThat(slave.committed("T", "G", 0)).as("the slave takes the reset").hasValue(2);
        assertThat(newer).isEmpty();
        assertThat(master.learnFromSlave(slaves)).as("the master refuses the commit").isZero();
        assertThat(master.committed("T", "G", 0)).hasValue(2);
        assertThat(master.takeReset("T", "G", 0)).hasValue(2);
    }
}
