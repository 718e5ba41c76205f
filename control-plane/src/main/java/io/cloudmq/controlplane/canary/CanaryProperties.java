package io.cloudmq.controlplane.canary;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The canary, prefix {@code cloudmq.canary}.
 *
 * @param enabled whether the canary runs (on the replica holding its singleton lock)
 * @param rate messages per second it sends, at a fixed rate
 * @param lostAfter how long an acknowledged message may take to be received before it counts as lost
 * @param checkInterval how often the canary looks whether its clusters can run one (UP brokers and name
 *     servers) and starts or stops its clients
 */
@Validated
@ConfigurationProperties("cloudmq.canary")
public record CanaryProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("10") @DecimalMin("0.1") @DecimalMax("1000") double rate,
        @DefaultValue("60s") Duration lostAfter,
        @DefaultValue("5s") Duration checkInterval) {

    /** The time between two sends. */
    Duration sendPeriod() {
        return Duration.ofNanos((long) (1_000_000_000L / rate));
    }
}
