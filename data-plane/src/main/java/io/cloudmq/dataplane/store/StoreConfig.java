package io.cloudmq.dataplane.store;

import io.cloudmq.dataplane.store.flush.FlushMode;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

/**
 * Every setting of a message store.
 *
 * @param root store directory
 * @param cluster cluster name (checked against {@code store.meta})
 * @param brokerName broker group name (checked against {@code store.meta})
 * @param storeAddress the node's stable advertised store address (inside every record and offset
 *     message id); must be a resolved IP address and port
 * @param commitLogFileSize bytes per commit-log file (1 GiB by default)
 * @param consumeQueueEntriesPerFile entries per consume-queue file
 * @param indexSlotsPerFile hash slots per index file
 * @param indexEntriesPerFile entries per index file
 * @param maxMessageSize largest body in bytes (4 MiB by default)
 * @param flushMode when puts are acknowledged
 * @param flushInterval period of the flusher (commit log under ASYNC_FLUSH, derived data, checkpoint)
 * @param syncFlushTimeout how long a SYNC_FLUSH put waits for its fsync before FLUSH_DISK_TIMEOUT
 * @param fileReservedTime how long a commit-log file is kept after its last record was stored
 * @param deleteHour hour of day (0..23, in the clock's zone) at which expired files are deleted
 * @param cleanDiskRatio disk usage above which expired files are deleted at once
 * @param refuseDiskRatio disk usage above which puts are refused
 * @param retentionCheckInterval period of the retention check
 * @param clock time source for store timestamps and retention
 */
public record StoreConfig(
        Path root,
        String cluster,
        String brokerName,
        InetSocketAddress storeAddress,
        int commitLogFileSize,
        int consumeQueueEntriesPerFile,
        int indexSlotsPerFile,
        int indexEntriesPerFile,
        int maxMessageSize,
        FlushMode flushMode,
        Duration flushInterval,
        Duration syncFlushTimeout,
        Duration fileReservedTime,
        int deleteHour,
        double cleanDiskRatio,
        double refuseDiskRatio,
        Duration retentionCheckInterval,
        Clock clock) {

    public StoreConfig {
        if (storeAddress.isUnresolved()) {
            throw new IllegalArgumentException("store address must be resolved: " + storeAddress);
        }
        if (deleteHour < 0 || deleteHour > 23) {
            throw new IllegalArgumentException("deleteHour must be 0..23: " + deleteHour);
        }
    }

    /** Production defaults: 1 GiB files, ASYNC_FLUSH every 500 ms, 72 h retention deleted at 4 am. */
    public static StoreConfig defaults(Path root, String cluster, String brokerName, InetSocketAddress storeAddress) {
        return new StoreConfig(root, cluster, brokerName, storeAddress, 1 << 30, 300_000, 5_000_000, 20_000_000,
                4 * 1024 * 1024, FlushMode.ASYNC_FLUSH, Duration.ofMillis(500), Duration.ofSeconds(5),
                Duration.ofHours(72), 4, 0.75, 0.90, Duration.ofSeconds(10), Clock.systemDefaultZone());
    }

    /** The same settings with other file sizes. */
    public StoreConfig withFileSizes(int commitLogFile, int consumeQueueEntries, int indexSlots, int indexEntries) {
        return new StoreConfig(root, cluster, brokerName, storeAddress, commitLogFile, consumeQueueEntries, indexSlots,
                indexEntries, maxMessageSize, flushMode, flushInterval, syncFlushTimeout, fileReservedTime,
                deleteHour, cleanDiskRatio, refuseDiskRatio, retentionCheckInterval, clock);
    }

    public StoreConfig withFlushMode(FlushMode mode) {
        return new StoreConfig(root, cluster, brokerName, storeAddress, commitLogFileSize, consumeQueueEntriesPerFile,
                indexSlotsPerFile, indexEntriesPerFile, maxMessageSize, mode, flushInterval, syncFlushTimeout,
                fileReservedTime, deleteHour, cleanDiskRatio, refuseDiskRatio, retentionCheckInterval, clock);
    }

    public StoreConfig withFlushInterval(Duration interval, Duration syncTimeout) {
        return new StoreConfig(root, cluster, brokerName, storeAddress, commitLogFileSize, consumeQueueEntriesPerFile,
                indexSlotsPerFile, indexEntriesPerFile, maxMessageSize, flushMode, interval, syncTimeout,
                fileReservedTime, deleteHour, cleanDiskRatio, refuseDiskRatio, retentionCheckInterval, clock);
    }

    public StoreConfig withRetention(Duration reserved, int hour, Duration checkInterval) {
        return new StoreConfig(root, cluster, brokerName, storeAddress, commitLogFileSize, consumeQueueEntriesPerFile,
                indexSlotsPerFile, indexEntriesPerFile, maxMessageSize, flushMode, flushInterval, syncFlushTimeout,
                reserved, hour, cleanDiskRatio, refuseDiskRatio, checkInterval, clock);
    }

    public StoreConfig withClock(Clock newClock) {
        return new StoreConfig(root, cluster, brokerName, storeAddress, commitLogFileSize, consumeQueueEntriesPerFile,
                indexSlotsPerFile, indexEntriesPerFile, maxMessageSize, flushMode, flushInterval, syncFlushTimeout,
                fileReservedTime, deleteHour, cleanDiskRatio, refuseDiskRatio, retentionCheckInterval, newClock);
    }
}
