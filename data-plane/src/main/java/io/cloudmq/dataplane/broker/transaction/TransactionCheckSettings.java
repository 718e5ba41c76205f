package io.cloudmq.dataplane.broker.transaction;

import java.time.Duration;

/**
 * Timing of the transaction check service (spec §5.4).
 *
 * @param interval how often the half messages are scanned
 * @param timeout age (since stored) below which a half message is not checked yet
 * @param maxChecks checks after which an unresolved half is rolled back and kept in
 *     {@code TRANS_CHECK_MAX_TIME_TOPIC}
 */
public record TransactionCheckSettings(Duration interval, Duration timeout, int maxChecks) {
    /** RocketMQ's defaults: every 30 s, halves older than 6 s, at most 15 checks. */
    public static TransactionCheckSettings defaults() {
        return new TransactionCheckSettings(Duration.ofSeconds(30), Duration.ofSeconds(6), 15);
    }
}
