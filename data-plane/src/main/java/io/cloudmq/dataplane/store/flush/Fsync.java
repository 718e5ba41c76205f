package io.cloudmq.dataplane.store.flush;

import java.io.IOException;

/**
 * Forces written bytes to disk.
 *
 * <p>Threading: called from one flushing thread at a time.
 */
@FunctionalInterface
public interface Fsync {
    /** Forces everything written so far and returns the offset the completed fsync covers. */
    long flush() throws IOException;
}
