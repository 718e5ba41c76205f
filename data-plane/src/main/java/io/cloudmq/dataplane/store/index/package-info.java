/** Persistent hash index from message keys and unique ids to commit-log offsets. */
@NullMarked
package io.cloudmq.dataplane.store.index;

import org.jspecify.annotations.NullMarked;
