/** Deletion of expired commit-log files by age and disk usage. */
@NullMarked
package io.cloudmq.dataplane.store.retention;

import org.jspecify.annotations.NullMarked;
