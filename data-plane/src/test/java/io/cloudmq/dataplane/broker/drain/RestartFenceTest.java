package io.cloudmq.dataplane.broker.drain;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudmq.dataplane.broker.drain.RestartFence.Decision;
import io.cloudmq.dataplane.config.DrainConfig;
import io.cloudmq.dataplane.store.TestClock;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RestartFenceTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final TestClock clock = new TestClock(Instant.parse("2026-11-22T10:00:00Z"));
    private final DrainParts parts = DrainParts.create(new SimpleMeterRegistry(), clock);
    private final FakeDrainTarget target = new FakeDrainTarget(parts.state());
    private final DrainSequence sequence = new DrainSequence(parts, target,
            (condition, deadline) -> condition.getAsBoolean(), DrainConfig.defaults());
    private final AtomicBoolean slaveInSync = new AtomicBoolean();

    @TempDir
    Path dataDir;

    @ParameterizedTest
    @CsvSource({
            "true,  false, true,  FENCED_UNTIL_SLAVE_IN_SYNC",
            "true,  true,  true,  FENCED_AFTER_DRAIN",
            "true,  true,  false, FENCED_AFTER_DRAIN",
            "true,  false, false, OPEN_NO_SLAVE_KNOWN",
            "false, true,  true,  OPEN_NOT_SYNC_MASTER",
            "false, false, true,  OPEN_NOT_SYNC_MASTER"})
    void aSyncMasterIsFencedAtStartWhenItNamesASlaveOrWasDrained(boolean syncMaster, boolean drained,
            boolean slaveKnown, Decision expected) {
        assertThat(RestartFence.decide(syncMaster, drained, slaveKnown)).isEqualTo(expected);
        assertThat(expected.fenced()).isEqualTo(expected.name().startsWith("FENCED"));
    }

    @Test
    void aSyncMasterRestartedAfterACrashStaysFencedUntilASlaveIsInSyncThenOpensWritesOnce() throws Exception {
        RestartFence fence = fence();

        Decision decision = fence.fenceAtStart(true, true, parts.state());
        check(fence);
        DrainPhase beforeTheSlave = parts.state().phase();
        clock.advanceMillis(1_500);
        slaveInSync.set(true);
        check(fence);
        check(fence);

        assertThat(decision).isEqualTo(Decision.FENCED_UNTIL_SLAVE_IN_SYNC);
        assertThat(beforeTheSlave).isEqualTo(DrainPhase.FENCED);
        assertThat(parts.state().phase()).isEqualTo(DrainPhase.SERVING);
        assertThat(parts.view().fencedMillis()).isEqualTo(1_500);
        assertThat(target.registrations).as("one writable registration").containsExactly(DrainPhase.SERVING);
    }

    @Test
    void aFencedStartOpensWritesAnywayOnceTheTimeoutPassedWithoutASlaveInSync() throws Exception {
        RestartFence fence = fence();
        fence.fenceAtStart(true, true, parts.state());

        clock.advanceMillis(TIMEOUT.toMillis() - 1);
        check(fence);
        DrainPhase justBefore = parts.state().phase();
        clock.advanceMillis(1);
        check(fence);
        check(fence);

        assertThat(justBefore).isEqualTo(DrainPhase.FENCED);
        assertThat(parts.state().phase()).isEqualTo(DrainPhase.SERVING);
        assertThat(target.registrations).as("one writable registration").containsExactly(DrainPhase.SERVING);
    }

    @Test
    void theDrainMarkerFencesTheNextStartEvenWithoutANamedSlaveAndOnlyThatStart() throws Exception {
        fence().mark();

        Decision afterTheDrain = fence().fenceAtStart(true, false, parts.state());
        Decision startAfterThat = fence().fenceAtStart(true, false, parts.state());

        assertThat(afterTheDrain).isEqualTo(Decision.FENCED_AFTER_DRAIN);
        assertThat(startAfterThat).as("the marker is taken by the start after the drain")
                .isEqualTo(Decision.OPEN_NO_SLAVE_KNOWN);
        assertThat(dataDir.resolve(RestartFence.MARKER)).doesNotExist();
    }

    @Test
    void anOpenStartLeavesTheBrokerServingAndNeverUnfences() throws Exception {
        RestartFence fence = fence();

        Decision decision = fence.fenceAtStart(true, false, parts.state());
        clock.advanceMillis(TIMEOUT.toMillis());
        check(fence);

        assertThat(decision).isEqualTo(Decision.OPEN_NO_SLAVE_KNOWN);
        assertThat(parts.state().phase()).isEqualTo(DrainPhase.SERVING);
        assertThat(target.registrations).isEmpty();
    }

    @Test
    void aRoleStoppedUnderItsStartsFenceDoesNotPassItToTheProcesssNextRole() throws Exception {
        RestartFence demoted = fence();
        demoted.fenceAtStart(true, true, parts.state());

        demoted.abandon(parts.state());
        Decision promoted = fence().fenceAtStart(true, false, parts.state());

        assertThat(promoted).isEqualTo(Decision.OPEN_NO_SLAVE_KNOWN);
        assertThat(parts.state().phase()).isEqualTo(DrainPhase.SERVING);
    }

    @Test
    void anOpenStartKeepsAFenceSetBySomeoneElse() throws Exception {
        RestartFence slave = fence();
        slave.fenceAtStart(false, false, parts.state());
        sequence.fence();

        slave.abandon(parts.state());
        Decision promoted = fence().fenceAtStart(true, false, parts.state());

        assertThat(promoted).as("a slave promoted by a switchover, fenced before").isEqualTo(Decision.OPEN_NO_SLAVE_KNOWN);
        assertThat(parts.state().phase()).isEqualTo(DrainPhase.FENCED);
    }

    @Test
    void anOperatorsUnfenceEndsTheWaitWithoutASecondRegistration() throws Exception {
        RestartFence fence = fence();
        fence.fenceAtStart(true, true, parts.state());

        sequence.unfence();
        slaveInSync.set(true);
        check(fence);

        assertThat(target.registrations).as("only the operator's registration").containsExactly(DrainPhase.SERVING);
    }

    private RestartFence fence() {
        return new RestartFence(dataDir, TIMEOUT, clock);
    }

    private void check(RestartFence fence) throws InterruptedException {
        fence.reopenWhenInSync(slaveInSync::get, parts.state(), sequence);
    }
}
