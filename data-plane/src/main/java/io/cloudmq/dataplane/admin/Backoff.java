package io.cloudmq.dataplane.admin;

import java.time.Duration;

/**
 * Exponential back-off: the first delay, then each delay doubled up to a maximum. Immutable.
 *
 * @param initial delay before the first retry
 * @param max longest delay between two attempts
 */
public record Backoff(Duration initial, Duration max) {

    /** The delay that follows {@code previous}. */
    public Duration next(Duration previous) {
        Duration doubled = previous.multipliedBy(2);
        return doubled.compareTo(max) > 0 ? max : doubled;
    }
}
