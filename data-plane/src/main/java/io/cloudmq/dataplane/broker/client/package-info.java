/** Connected producers and consumers: channels per group, subscriptions, orderly queue locks, rebalance notices. */
@NullMarked
package io.cloudmq.dataplane.broker.client;

import org.jspecify.annotations.NullMarked;
