package io.cloudmq.controlplane.upgrade;

/**
 * The thresholds of the pre-check's capacity rules ({@link UpgradeProperties}). Immutable.
 *
 * @param maxDiskUsedRatio the highest used fraction of a broker's disk that passes: the store refuses puts
 *     above 0.90, and during an upgrade the other groups take a fenced group's messages
 * @param groupSendCapacity messages per second one broker group is trusted to store; a fenced group's
 *     traffic moves to the others and must fit under it
 */
record PreCheckLimits(double maxDiskUsedRatio, double groupSendCapacity) {}
