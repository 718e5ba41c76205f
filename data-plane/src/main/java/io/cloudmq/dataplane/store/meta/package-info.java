/** Forever formats of a store directory: {@code store.meta} and the epoch history. */
@NullMarked
package io.cloudmq.dataplane.store.meta;

import org.jspecify.annotations.NullMarked;
