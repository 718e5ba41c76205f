package io.cloudmq.dataplane.store;

import io.cloudmq.dataplane.store.flush.FlushObserver;
import io.cloudmq.dataplane.store.retention.DiskUsageProbe;

/**
 * Pluggable observers and probes of a store (metrics, tests).
 *
 * @param flushObserver told about every commit-log fsync
 * @param diskUsageProbe measures disk usage for retention
 */
public record StoreExtensions(FlushObserver flushObserver, DiskUsageProbe diskUsageProbe) {
    /** No observer, the file system's disk usage. */
    public static StoreExtensions defaults() {
        return new StoreExtensions(FlushObserver.NONE, DiskUsageProbe.FILE_STORE);
    }
}
