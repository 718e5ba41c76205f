/**
 * The canary of each cluster (issue 8): a reserved system instance with one topic and one consumer group,
 * whose producer and push consumer (the official RocketMQ client) run at a modest fixed rate on the control
 * plane holding the {@code canary} singleton lock, and whose bookkeeping feeds {@code GET
 * /api/v1/clusters/{clusterId}/canary} and the canary figures of upgrade reports.
 */
@NullMarked
package io.cloudmq.controlplane.canary;

import org.jspecify.annotations.NullMarked;
