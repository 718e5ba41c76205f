package io.cloudmq.dataplane.store.retention;

import io.cloudmq.dataplane.store.commitlog.CommitLog;
import io.cloudmq.dataplane.store.file.MappedFile;
import io.cloudmq.dataplane.store.index.IndexService;
import io.cloudmq.dataplane.store.queue.ConsumeQueue;
import io.cloudmq.dataplane.store.queue.ConsumeQueueStore;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import java.util.concurrent.locks.Lock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes expired commit-log files and what points into them.
 *
 * <ol>
 *   <li>A file's age is the store time of its last record; it is expired once older than the
 *       reserved time.</li>
 *   <li>Expired files are deleted, oldest first and only from the head, during the delete hour, or at
 *       any time while disk usage is above the clean ratio (75 %). The active (last) file is never
 *       deleted.</li>
 *   <li>Consume queues then drop files below the new commit-log start and raise their min offsets;
 *       index files below it are deleted.</li>
 *   <li>Above the refuse ratio (90 %) {@link #diskFull()} is true and the store refuses puts.</li>
 * </ol>
 *
 * <p>Threading: {@link #runOnce} from one thread at a time (the store's retention thread or a test);
 * deletions happen under the store's put lock, so they never race an append to the same structures.
 */
public final class RetentionService {
    private static final Logger log = LoggerFactory.getLogger(RetentionService.class);

    /** Retention thresholds and timing. */
    public record Policy(Duration reservedTime, int deleteHour, double cleanRatio, double refuseRatio) {}

    /** Used fraction of the store's disk, 0.0 to 1.0. */
    @FunctionalInterface
    public interface DiskUsage {
        double usedRatio() throws IOException;
    }

    private final CommitLog commitLog;
    private final ConsumeQueueStore queues;
    private final IndexService index;
    private final Policy policy;
    private final DiskUsage diskUsage;
    private final Clock clock;
    private final Lock putLock;
    private volatile boolean diskFull;

    public RetentionService(CommitLog commitLog, ConsumeQueueStore queues, IndexService index, Policy policy,
            DiskUsage diskUsage, Clock clock, Lock putLock) {
        this.commitLog = commitLog;
        this.queues = queues;
        this.index = index;
        this.policy = policy;
        this.diskUsage = diskUsage;
        this.clock = clock;
        this.putLock = putLock;
    }

    /** Whether disk usage was above the refuse ratio at the last check. */
    public boolean diskFull() {
        return diskFull;
    }

    /**
     * Checks disk usage and deletes expired files if it is time to.
     *
     * @return the number of commit-log files deleted
     */
    public int runOnce() throws IOException {
        double usage = diskUsage.usedRatio();
        diskFull = usage > policy.refuseRatio();
        boolean deleteNow = usage > policy.cleanRatio() || LocalTime.now(clock).getHour() == policy.deleteHour();
        if (!deleteNow) {
            return 0;
        }
        int deleted;
        putLock.lock();
        try {
            deleted = deleteExpired();
            if (deleted > 0) {
                long minOffset = commitLog.minOffset();
                for (ConsumeQueue queue : queues.all()) {
                    queue.deleteBelowPhysicalOffset(minOffset);
                }
                index.deleteBelow(minOffset);
                log.info("retention deleted {} commit-log files; commit log now starts at {}", deleted, minOffset);
            }
        } finally {
            putLock.unlock();
        }
        if (deleted > 0) {
            diskFull = diskUsage.usedRatio() > policy.refuseRatio();
        }
        return deleted;
    }

    private int deleteExpired() throws IOException {
        long now = clock.millis();
        List<MappedFile> files = commitLog.files().files();
        int deleted = 0;
        for (int i = 0; i < files.size() - 1; i++) {
            MappedFile file = files.get(i);
            if (commitLog.lastStoreTimestampOf(file) + policy.reservedTime().toMillis() > now) {
                break;
            }
            commitLog.files().deleteFirst(file);
            deleted++;
        }
        return deleted;
    }
}
