/** Abort marker, checkpoint, and recovery of the commit log and derived data after a clean or unclean stop. */
@NullMarked
package io.cloudmq.dataplane.store.recovery;

import org.jspecify.annotations.NullMarked;
