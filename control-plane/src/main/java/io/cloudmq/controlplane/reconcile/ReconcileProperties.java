package io.cloudmq.controlplane.reconcile;

import jakarta.validation.constraints.Min;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the reconciler, prefix {@code cloudmq.reconcile}.
 *
 * @param enabled whether this replica runs the reconcile loop (tests drive passes themselves)
 * @param pollInterval how often the loop looks for due outbox rows when no local commit woke it
 * @param driftInterval how often every node's applied generation is compared with the desired one
 * @param maxAttempts attempts of one outbox row before it is marked {@code FAILED}
 * @param initialBackoff delay after the first failed attempt; doubled per further failure
 * @param maxBackoff longest delay between two attempts
 */
@Validated
@ConfigurationProperties("cloudmq.reconcile")
record ReconcileProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("500ms") Duration pollInterval,
        @DefaultValue("5s") Duration driftInterval,
        @DefaultValue("10") @Min(1) int maxAttempts,
        @DefaultValue("1s") Duration initialBackoff,
        @DefaultValue("60s") Duration maxBackoff) {

    /** The delay before the next attempt after {@code failedAttempts} failures in a row (at least 1). */
    Duration backoffAfter(int failedAttempts) {
        int doublings = Math.min(failedAttempts - 1, 30);
        Duration delay = initialBackoff.multipliedBy(1L << doublings);
        return delay.compareTo(maxBackoff) > 0 ? maxBackoff : delay;
    }
}
