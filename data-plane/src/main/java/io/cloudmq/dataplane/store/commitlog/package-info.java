/** The commit log: one append-only sequence of records in the RocketMQ V1 message layout, for all topics. */
@NullMarked
package io.cloudmq.dataplane.store.commitlog;

import org.jspecify.annotations.NullMarked;
