package io.cloudmq.dataplane.store.flush;

import java.io.IOException;

/**
 * Seam around every commit-log fsync, for metrics and tests. The default does nothing.
 *
 * <p>Threading: called on the flushing thread; implementations must be thread-safe and fast.
 */
public interface FlushObserver {
    /** Does nothing. */
    FlushObserver NONE = new FlushObserver() {};

    /**
     * Called just before an fsync. Throwing here makes the fsync count as failed (tests use it to
     * simulate a failing disk).
     */
    default void beforeFsync() throws IOException {}

    /** Called after an fsync completed and before any put waiting for it is released. */
    default void fsyncCompleted(long coveredOffset) {}
}
