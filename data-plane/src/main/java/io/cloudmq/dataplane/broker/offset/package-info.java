/**
 * Committed consumer offsets, versioned (epoch, time), persisted atomically and reconciled last-writer-wins between
 * a master and its slave.
 */
@NullMarked
package io.cloudmq.dataplane.broker.offset;

import org.jspecify.annotations.NullMarked;
