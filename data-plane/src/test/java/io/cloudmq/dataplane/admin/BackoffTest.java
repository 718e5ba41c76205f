package io.cloudmq.dataplane.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTest {

    @Test
    void doublesUpToTheMaximum() {
        Backoff backoff = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(5));

        assertThat(backoff.next(Duration.ofSeconds(1))).isEqualTo(Duration.ofSeconds(2));
        assertThat(backoff.next(Duration.ofSeconds(2))).isEqualTo(Duration.ofSeconds(4));
        assertThat(backoff.next(Duration.ofSeconds(4))).isEqualTo(Duration.ofSeconds(5));
        assertThat(backoff.next(Duration.ofSeconds(5))).isEqualTo(Duration.ofSeconds(5));
    }
}
