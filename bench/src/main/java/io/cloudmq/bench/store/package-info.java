/**
 * Benchmark of the store's opening after a clean shutdown, the part of a broker's restart that grows with its data.
 * Not shipped.
 */
@NullMarked
package io.cloudmq.bench.store;

import org.jspecify.annotations.NullMarked;
