/** Consume queues (20-byte entries per topic queue) and the dispatcher that builds them from the commit log. */
@NullMarked
package io.cloudmq.dataplane.store.queue;

import org.jspecify.annotations.NullMarked;
