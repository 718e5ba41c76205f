package io.cloudmq.controlplane.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ReconcilePropertiesTest {
    private final ReconcileProperties properties = new ReconcileProperties(
            true, Duration.ofMillis(500), Duration.ofSeconds(5), 10, Duration.ofSeconds(1), Duration.ofSeconds(60));

    @Test
    void backOffDoublesPerFailureFromTheInitialDelay() {
        assertThat(properties.backoffAfter(1)).isEqualTo(Duration.ofSeconds(1));
        assertThat(properties.backoffAfter(2)).isEqualTo(Duration.ofSeconds(2));
        assertThat(properties.backoffAfter(6)).isEqualTo(Duration.ofSeconds(32));
    }

    @Test
    void backOffStopsGrowingAtTheMaximumEvenAfterManyFailures() {
        assertThat(properties.backoffAfter(7)).isEqualTo(Duration.ofSeconds(60));
        assertThat(properties.backoffAfter(1000)).isEqualTo(Duration.ofSeconds(60));
    }
}
