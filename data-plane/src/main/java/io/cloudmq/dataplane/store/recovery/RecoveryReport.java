package io.cloudmq.dataplane.store.recovery;

import java.time.Duration;

/**
 * What recovery did at open; node health shows it.
 *
 * @param mode normal or crash recovery
 * @param duration wall time of the recovery
 * @param scannedFrom commit-log offset the validation started at
 * @param recoveredOffset commit-log offset after the last valid record
 * @param tornTailTruncated whether an invalid tail (torn write, damage) was cut off
 */
public record RecoveryReport(
        RecoveryMode mode, Duration duration, long scannedFrom, long recoveredOffset, boolean tornTailTruncated) {}
