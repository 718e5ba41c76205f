/** Data-plane message store: the {@link io.cloudmq.dataplane.store.MessageStore} API the broker processors use, its settings and result values. Imports neither Netty nor remoting. */
@NullMarked
package io.cloudmq.dataplane.store;

import org.jspecify.annotations.NullMarked;
