package io.cloudmq.dataplane.store.recovery;

import io.cloudmq.dataplane.store.commitlog.CommitLog;
import io.cloudmq.dataplane.store.commitlog.RecordScan;
import io.cloudmq.dataplane.store.file.MappedFile;
import io.cloudmq.dataplane.store.index.IndexService;
import io.cloudmq.dataplane.store.queue.ConsumeQueue;
import io.cloudmq.dataplane.store.queue.ConsumeQueueStore;
import io.cloudmq.dataplane.store.queue.Dispatcher;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings a loaded store to a consistent state before it accepts puts.
 *
 * <ol>
 *   <li>Start offset: after a clean shutdown (no abort marker), the checkpoint's commit-log offset;
 *       after a crash, the lowest offset of the checkpoint, but never before the third-last
 *       commit-log file.</li>
 *   <li>Validate records (magic, lengths, body CRC) from there; the first invalid position is the end
 *       of the log, everything behind it is truncated (zeroed). After a clean shutdown whose records end on
 *       zeros the bytes behind the end are not read: they are zero already.</li>
 *   <li>Consume-queue and index entries of records at or past the start are dropped, then rebuilt by
 *       replaying the validated records through the dispatcher.</li>
 * </ol>
 *
 * <p>Threading: runs once, on the opening thread, before any other store thread starts.
 */
public final class StoreRecovery {
    private static final Logger log = LoggerFactory.getLogger(StoreRecovery.class);
    private static final int MAX_CRASH_SCAN_FILES = 3;

    private final CommitLog commitLog;
    private final ConsumeQueueStore queues;
    private final IndexService index;
    private final Dispatcher dispatcher;
    private long lastStoreTimestamp;
    private boolean tornTail;

    public StoreRecovery(CommitLog commitLog, ConsumeQueueStore queues, IndexService index, Dispatcher dispatcher) {
        this.commitLog = commitLog;
        this.queues = queues;
        this.index = index;
        this.dispatcher = dispatcher;
    }

    /** Recovers; {@code crashed} is whether the abort marker was found. */
    public RecoveryReport recover(boolean crashed, Optional<Checkpoint> checkpoint) throws IOException {
        long started = System.nanoTime();
        RecoveryMode mode = crashed ? RecoveryMode.CRASH : RecoveryMode.NORMAL;
        long start = startOffset(mode, checkpoint);
        for (ConsumeQueue queue : queues.all()) {
            queue.truncateFromPhysicalOffset(start);
        }
        index.recover(start);
        lastStoreTimestamp = checkpoint.map(Checkpoint::lastStoreTimestamp).orElse(0L);
        long end = replay(start);
        commitLog.endRecoveredAt(end, lastStoreTimestamp, mode == RecoveryMode.NORMAL && !tornTail);
        dispatcher.markDispatchedUpTo(end);
        RecoveryReport report = new RecoveryReport(mode, Duration.ofNanos(System.nanoTime() - started), start, end,
                tornTail);
        log.info("store recovered: {}", report);
        return report;
    }

    private long startOffset(RecoveryMode mode, Optional<Checkpoint> checkpoint) {
        List<MappedFile> files = commitLog.files().files();
        if (files.isEmpty()) {
            return 0;
        }
        long first = files.get(0).startOffset();
        if (mode == RecoveryMode.NORMAL) {
            return Math.max(first, checkpoint.map(Checkpoint::commitLogOffset).orElse(first));
        }
        long earliestAllowed = files.get(Math.max(0, files.size() - MAX_CRASH_SCAN_FILES)).startOffset();
        return Math.max(earliestAllowed, checkpoint.map(Checkpoint::minOffset).orElse(first));
    }

    /** Validates and dispatches records from {@code start}; returns the offset after the last valid one. */
    private long replay(long start) throws IOException {
        long position = start;
        while (true) {
            RecordScan scan = commitLog.scanAt(position);
            switch (scan.status()) {
                case RECORD -> {
                    dispatcher.dispatch(scan.headerOrThrow());
                    lastStoreTimestamp = Math.max(lastStoreTimestamp, scan.headerOrThrow().storeTimestamp());
                    position += scan.size();
                }
                case END_OF_FILE -> position += scan.size();
                case NO_MORE_DATA, CORRUPT -> {
                    if (scan.status() == RecordScan.Status.CORRUPT) {
                        log.warn("commit log invalid at offset {}; truncating the tail", position);
                        tornTail = true;
                    }
                    return position;
                }
            }
        }
    }
}
