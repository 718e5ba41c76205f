package io.cloudmq.dataplane.broker.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudmq.dataplane.store.TestClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ConsumerListWarmUpTest {
    private static final Duration WARM_UP = Duration.ofSeconds(32);

    private final TestClock clock = new TestClock(Instant.parse("2026-11-22T13:00:00Z"));

    @Test
    void withoutAStoredMembershipEveryGroupWaitsTheWholeWarmUp() {
        ConsumerListWarmUp warmUp = ConsumerListWarmUp.startingNow(true, Optional.empty(), WARM_UP, clock);

        assertThat(warmUp.remaining("G", List.of("c1"))).hasValue(WARM_UP);
        clock.advanceMillis(WARM_UP.toMillis() - 1);
        assertThat(warmUp.remaining("G", List.of("c1"))).hasValue(Duration.ofMillis(1));
        clock.advanceMillis(1);
        assertThat(warmUp.remaining("G", List.of("c1"))).isEmpty();
        assertThat(warmUp.remaining()).isEmpty();
    }

    @Test
    void aGroupIsCompleteOnceEveryStoredMemberHeartbeatedAgain() {
        ConsumerListWarmUp warmUp = ConsumerListWarmUp.startingNow(true,
                Optional.of(Map.of("G", Set.of("c1", "c2"))), WARM_UP, clock);

        assertThat(warmUp.remaining("G", List.of("c1"))).as("c2 not back yet").isPresent();
        assertThat(warmUp.remaining("G", List.of("c2", "c1"))).isEmpty();
        assertThat(warmUp.remaining("new-group", List.of("c9"))).as("no member before the restart").isEmpty();
        assertThat(warmUp.remaining()).as("other groups may still be waiting").hasValue(WARM_UP);
    }

    @Test
    void aStoredMemberThatNeverReturnsHoldsItsGroupOnlyUntilTheWarmUpEnds() {
        ConsumerListWarmUp warmUp = ConsumerListWarmUp.startingNow(true,
                Optional.of(Map.of("G", Set.of("gone", "c2"))), WARM_UP, clock);

        clock.advanceMillis(WARM_UP.toMillis());

        assertThat(warmUp.remaining("G", List.of("c2"))).isEmpty();
    }

    @Test
    void aFirstStartOnAnEmptyStoreAnswersAtOnce() {
        ConsumerListWarmUp warmUp = ConsumerListWarmUp.startingNow(false, Optional.empty(), WARM_UP, clock);

        assertThat(warmUp.remaining("G", List.of("c1"))).isEmpty();
        assertThat(warmUp.remaining()).isEmpty();
    }
}
