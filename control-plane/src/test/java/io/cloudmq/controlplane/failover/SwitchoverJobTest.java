package io.cloudmq.controlplane.failover;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cloudmq.api.failover.SwitchoverJobState;
import io.cloudmq.api.failover.SwitchoverJobView;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class SwitchoverJobTest {
    private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");
    private final SwitchoverJob job = new SwitchoverJob(UUID.randomUUID(), "local", "broker-a", "broker-a-0",
            "broker-a-1", NOW);

    @Test
    void runsDrainPromoteRejoinInOrderAndRecordsTheNewEpoch() {
        assertThat(job.toView().state()).isEqualTo(SwitchoverJobState.PENDING);

        job.startDraining(NOW.plusSeconds(1));
        assertThat(job.toView().state()).isEqualTo(SwitchoverJobState.DRAINING);
        assertThat(job.toView().epoch()).isNull();
        job.drained(4, NOW.plusSeconds(5));
        assertThat(job.toView().state()).isEqualTo(SwitchoverJobState.PROMOTING);
        job.promoted(NOW.plusSeconds(6));
        assertThat(job.toView().state()).isEqualTo(SwitchoverJobState.REJOINING);
        job.rejoined(NOW.plusSeconds(20));

        SwitchoverJobView done = job.toView();
        assertThat(done.state()).isEqualTo(SwitchoverJobState.SUCCEEDED);
        assertThat(done.epoch()).isEqualTo(4);
        assertThat(done.detail()).isNull();
        assertThat(done.createdAt()).isEqualTo(NOW);
        assertThat(done.updatedAt()).isEqualTo(NOW.plusSeconds(20));
    }

    @Test
    void aStepOutOfOrderIsRefusedAndChangesNothing() {
        job.startDraining(NOW);

        assertThatThrownBy(() -> job.promoted(NOW)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> job.startDraining(NOW)).isInstanceOf(IllegalStateException.class);
        assertThat(job.toView().state()).isEqualTo(SwitchoverJobState.DRAINING);
    }

    @Test
    void failingKeepsTheReasonAndEndsTheJobForGood() {
        job.startDraining(NOW);
        job.fail("the master did not leave (REOPENED); it still leads", NOW.plusSeconds(30));

        assertThat(job.toView().state()).isEqualTo(SwitchoverJobState.FAILED);
        assertThat(job.toView().state().terminal()).isTrue();
        assertThat(job.toView().detail()).contains("REOPENED");
        assertThatThrownBy(() -> job.fail("again", NOW)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> job.drained(2, NOW)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aLongReasonIsCutToTheColumnWidth() {
        job.fail("x".repeat(600), NOW);

        assertThat(job.toView().detail()).hasSize(500);
    }
}
