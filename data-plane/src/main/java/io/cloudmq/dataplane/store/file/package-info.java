/** Memory-mapped store files: one file, a queue of files named by start offset, and atomic state-file writes. */
@NullMarked
package io.cloudmq.dataplane.store.file;

import org.jspecify.annotations.NullMarked;
