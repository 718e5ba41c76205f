package io.cloudmq.controlplane.upgrade;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class FailureTallyTest {
    private static final Instant FIRST_PROCESS = Instant.parse("2026-11-22T09:00:00Z");
    private static final Instant SECOND_PROCESS = Instant.parse("2026-11-22T10:05:00Z");

    private final FailureTally tally = new FailureTally(
            new FailureTallyKey(new UUID(0, 1), "broker-a-0", "MQ_INST_000000000001_abcdefgh", "pg"), 4,
            FIRST_PROCESS);

    @Test
    void theFirstReadingIsTheBaselineOfTheWindow() {
        assertThat(tally.failedSends()).isZero();
    }

    @Test
    void readingsOfOneProcessAddWhatTheCounterGrew() {
        tally.advance(6, FIRST_PROCESS);
        tally.advance(9, FIRST_PROCESS);

        assertThat(tally.failedSends()).isEqualTo(5);
    }

    @Test
    void aRestartedBrokerCountsItsNewCounterFromZeroEvenWhenItIsAlreadyHigher() {
        tally.advance(6, FIRST_PROCESS);
        tally.advance(7, SECOND_PROCESS);
        tally.advance(8, SECOND_PROCESS);

        assertThat(tally.failedSends()).isEqualTo(2 + 7 + 1);
    }
}
