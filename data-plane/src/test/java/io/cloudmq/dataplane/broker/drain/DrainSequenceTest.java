package io.cloudmq.dataplane.broker.drain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cloudmq.api.node.NodeDrainResult;
import io.cloudmq.api.node.NodeDrainStatus;
import io.cloudmq.api.node.NodeDrainStep;
import io.cloudmq.dataplane.config.DrainConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The drain state machine with fake waits: a wait checks its condition once, as if its deadline had
 * passed right after, and records the phase it ran in and the deadline it was given.
 */
class DrainSequenceTest {
    private static final DrainConfig CONFIG = new DrainConfig(Duration.ofMillis(101), Duration.ofMillis(102),
            Duration.ZERO, Duration.ofMillis(104), Duration.ofMillis(105), Duration.ofMillis(106),
            Duration.ofMillis(107), Duration.ZERO, Duration.ofMillis(108));

    private final DrainParts parts = DrainParts.create(new SimpleMeterRegistry(), Clock.systemUTC());
    private final FakeDrainTarget target = new FakeDrainTarget(parts.state());
    private final List<String> waits = new ArrayList<>();
    private final DrainSequence sequence = sequence(CONFIG);

    @Test
    void drainFencesThenClosesSendsFreezesFlushesWaitsForSlaveAndConsumersAndLeaves() throws Exception {
        NodeDrainResult result = sequence.drain(DrainMode.ORCHESTRATED);

        assertThat(result.status()).isEqualTo(NodeDrainStatus.LEFT);
        assertThat(result.drainPhase()).isEqualTo("LEFT");
        assertThat(result.steps()).extracting(NodeDrainStep::step).containsExactly("fence", "propagate",
                "close-sends", "freeze", "flush", "replica", "quiesce-consumers", "leave", "close-grace");
        assertThat(result.steps()).allMatch(NodeDrainStep::met);
        assertThat(waits).containsExactly("FENCED/101", "FENCED/102", "CLOSING_SENDS/104", "FROZEN/105",
                "FROZEN/106", "QUIESCING/107", "LEAVING/108");
        assertThat(target.registrations).containsExactly(DrainPhase.FENCED);
        assertThat(target.flushes).isEqualTo(1);
        assertThat(target.left).isTrue();
    }

    @Test
    void closeGraceEndsAfterItsOwnQuietPeriodNotTheSendsOne() throws Exception {
        parts.served().arrived();

        NodeDrainResult result = sequence(quietPeriods(Duration.ofHours(1), Duration.ZERO)).drain(DrainMode.ORCHESTRATED);

        assertThat(result.steps()).filteredOn(step -> step.step().equals("close-grace"))
                .singleElement().extracting(NodeDrainStep::met).isEqualTo(true);
    }

    @Test
    void closeGraceWaitsWhileRequestsArrivedWithinItsQuietPeriod() throws Exception {
        parts.served().arrived();

        NodeDrainResult result = sequence(quietPeriods(CONFIG.sendsQuiet(), Duration.ofHours(1))).drain(DrainMode.ORCHESTRATED);

        assertThat(result.status()).isEqualTo(NodeDrainStatus.LEFT);
        assertThat(result.steps()).filteredOn(step -> step.step().equals("close-grace")).singleElement()
                .satisfies(step -> {
                    assertThat(step.met()).isFalse();
                    assertThat(step.detail()).isEqualTo("requests still arriving on open connections");
                });
    }

    @Test
    void aSlavesShutdownDrainNeitherFencesNorWaitsForRoutes() throws Exception {
        target.takesSends = false;

        NodeDrainResult result = sequence.drain(DrainMode.SHUTDOWN);

        assertThat(result.status()).isEqualTo(NodeDrainStatus.LEFT);
        assertThat(result.steps()).extracting(NodeDrainStep::step).startsWith("close-sends");
        assertThat(target.registrations).isEmpty();
        assertThat(target.left).isTrue();
    }

    @Test
    void drainAfterAnExplicitFenceSkipsFenceAndPropagate() throws Exception {
        assertThat(sequence.fence().status()).isEqualTo(NodeDrainStatus.FENCED);

        NodeDrainResult result = sequence.drain(DrainMode.ORCHESTRATED);

        assertThat(result.steps()).extracting(NodeDrainStep::step).startsWith("close-sends");
        assertThat(target.registrations).containsExactly(DrainPhase.FENCED);
    }

    @Test
    void orchestratedDrainReopensWritesWhenTheSlaveMissesItsDeadline() throws Exception {
        target.unreplicatedBytes = 4096;

        NodeDrainResult result = sequence.drain(DrainMode.ORCHESTRATED);

        assertThat(result.status()).isEqualTo(NodeDrainStatus.REOPENED);
        assertThat(parts.state().phase()).isEqualTo(DrainPhase.SERVING);
        assertThat(result.steps()).extracting(NodeDrainStep::step).endsWith("replica", "unfence");
        NodeDrainStep replica = result.steps().get(result.steps().size() - 2);
        assertThat(replica.met()).isFalse();
        assertThat(replica.detail()).contains("4096 bytes");
        assertThat(target.registrations).containsExactly(DrainPhase.FENCED, DrainPhase.SERVING);
        assertThat(target.left).isFalse();
    }

    @Test
    void shutdownDrainGoesOnPastAMissedDeadlineAndLeaves() throws Exception {
        target.unreplicatedBytes = 4096;

        NodeDrainResult result = sequence.drain(DrainMode.SHUTDOWN);

        assertThat(result.status()).isEqualTo(NodeDrainStatus.LEFT);
        assertThat(result.steps()).filteredOn(step -> !step.met()).extracting(NodeDrainStep::step)
                .containsExactly("replica");
        assertThat(target.left).isTrue();
    }

    @Test
    void consumersThatMissTheirDeadlineDoNotStopAnOrchestratedDrain() throws Exception {
        target.consumerLag = 12;

        NodeDrainResult result = sequence.drain(DrainMode.ORCHESTRATED);

        assertThat(result.status()).isEqualTo(NodeDrainStatus.LEFT);
        assertThat(result.steps()).filteredOn(step -> !step.met()).singleElement()
                .satisfies(step -> assertThat(step.detail()).contains("12 messages"));
    }

    @Test
    void orchestratedDrainReopensWhenAdmittedSendsAreStillUnansweredAtTheFreezeDeadline() throws Exception {
        WriteTrackerTest.startWrite(parts);

        NodeDrainResult result = sequence.drain(DrainMode.ORCHESTRATED);

        assertThat(result.status()).isEqualTo(NodeDrainStatus.REOPENED);
        assertThat(result.steps()).extracting(NodeDrainStep::step).containsSubsequence("freeze", "unfence");
        assertThat(parts.state().phase()).isEqualTo(DrainPhase.SERVING);
    }

    @Test
    void aFenceNoNameServerConfirmsReopensWrites() throws Exception {
        target.nameServersConfirm = false;

        NodeDrainResult result = sequence.fence();

        assertThat(result.status()).isEqualTo(NodeDrainStatus.REOPENED);
        assertThat(parts.state().phase()).isEqualTo(DrainPhase.SERVING);
        assertThat(result.steps()).extracting(NodeDrainStep::met).containsExactly(false, false);
    }

    @Test
    void unfenceRegistersWritableAgainAndStopsTheFencedClock() throws Exception {
        sequence.fence();
        assertThat(parts.view().fenced()).isTrue();

        NodeDrainResult result = sequence.unfence();

        assertThat(result.status()).isEqualTo(NodeDrainStatus.REOPENED);
        assertThat(target.registrations).containsExactly(DrainPhase.FENCED, DrainPhase.SERVING);
        assertThat(parts.view().fenced()).isFalse();
        assertThat(parts.view().drainPhase()).isEqualTo("SERVING");
    }

    @Test
    void fenceIsRefusedOnceADrainHasLeftAndASecondDrainIsANoOp() throws Exception {
        sequence.drain(DrainMode.ORCHESTRATED);

        assertThatThrownBy(sequence::fence).isInstanceOf(IllegalStateException.class).hasMessageContaining("LEFT");
        NodeDrainResult again = sequence.drain(DrainMode.SHUTDOWN);
        assertThat(again.status()).isEqualTo(NodeDrainStatus.LEFT);
        assertThat(again.steps()).isEmpty();
    }

    /** {@link #CONFIG} with other quiet periods for the close-sends and the close-grace steps. */
    private static DrainConfig quietPeriods(Duration sendsQuiet, Duration closeQuiet) {
        return new DrainConfig(CONFIG.fenceTimeout(), CONFIG.shutdownPropagate(), sendsQuiet, CONFIG.sendsTimeout(),
                CONFIG.writesTimeout(), CONFIG.replicaTimeout(), CONFIG.consumersTimeout(), closeQuiet,
                CONFIG.closeGrace());
    }

    private DrainSequence sequence(DrainConfig config) {
        return new DrainSequence(parts, target, (condition, deadline) -> {
            waits.add(parts.state().phase() + "/" + deadline.toMillis());
            return condition.getAsBoolean();
        }, config);
    }
}
