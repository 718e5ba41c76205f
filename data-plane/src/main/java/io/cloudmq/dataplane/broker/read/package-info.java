/**
 * What a broker tells the control plane about its data through the node admin API: topic queue statistics,
 * connected consumers, consumer offsets and lag, decoded messages ({@link io.cloudmq.dataplane.broker.read.BrokerReadModel},
 * served by {@link io.cloudmq.dataplane.broker.read.BrokerReadEndpoints}), and the per-group lag gauges.
 */
@NullMarked
package io.cloudmq.dataplane.broker.read;

import org.jspecify.annotations.NullMarked;
