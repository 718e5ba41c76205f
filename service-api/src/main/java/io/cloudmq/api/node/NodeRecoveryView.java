package io.cloudmq.api.node;

/**
 * How a broker's store was recovered when the node process started its broker role, in
 * {@code GET /admin/v1/health} and in the control plane's node list.
 *
 * @param mode {@code NORMAL} (the previous run shut down cleanly, the checkpoint was trusted) or {@code CRASH}
 *     (the abort marker was found: the log tail was validated and the derived data rebuilt)
 * @param durationMillis wall time of the recovery
 * @param recoveredOffset commit-log offset after the last valid record
 * @param tornTailTruncated whether an invalid tail (a torn write, damage) was cut off
 */
public record NodeRecoveryView(String mode, long durationMillis, long recoveredOffset, boolean tornTailTruncated) {}
