package io.cloudmq.dataplane.store.flush;

/** When a put is acknowledged relative to the fsync of its record. */
public enum FlushMode {
    /** Acknowledge after the write to the page cache; a flusher forces the log every flush interval. */
    ASYNC_FLUSH,
    /** Acknowledge only after an fsync covers the record; concurrent puts share one fsync. */
    SYNC_FLUSH
}
