package io.cloudmq.controlplane.shared.time;

import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The UTC system clock every time decision reads, ticking in microseconds: PostgreSQL's {@code timestamptz}
 * precision, so an answer shows the same instants before and after a round trip through the database.
 */
@Configuration(proxyBeanMethods = false)
class ClockConfiguration {
    @Bean
    Clock clock() {
        return Clock.tick(Clock.systemUTC(), Duration.of(1, ChronoUnit.MICROS));
    }
}
