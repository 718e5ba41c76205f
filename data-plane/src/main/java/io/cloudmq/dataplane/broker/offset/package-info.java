/** Committed consumer offsets, persisted atomically. */
@NullMarked
package io.cloudmq.dataplane.broker.offset;

import org.jspecify.annotations.NullMarked;
