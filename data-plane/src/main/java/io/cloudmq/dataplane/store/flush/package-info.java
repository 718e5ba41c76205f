/** Flush policies: periodic flush (ASYNC_FLUSH) and group commit (SYNC_FLUSH). */
@NullMarked
package io.cloudmq.dataplane.store.flush;

import org.jspecify.annotations.NullMarked;
