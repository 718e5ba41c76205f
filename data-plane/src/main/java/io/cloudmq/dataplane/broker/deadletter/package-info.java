/** A consumer group's dead letters on a master broker: reading its {@code %DLQ%} queue and resending letters. */
@NullMarked
package io.cloudmq.dataplane.broker.deadletter;

import org.jspecify.annotations.NullMarked;
