package io.cloudmq.dataplane.store;

import io.cloudmq.dataplane.store.commitlog.CommitLog;
import io.cloudmq.dataplane.store.file.FaultAhead;
import io.cloudmq.dataplane.store.file.MappedFileQueue;
import io.cloudmq.dataplane.store.flush.FlushMode;
import io.cloudmq.dataplane.store.flush.FlushObserver;
import io.cloudmq.dataplane.store.flush.GroupCommitService;
import io.cloudmq.dataplane.store.flush.PeriodicFlushService;
import io.cloudmq.dataplane.store.index.IndexService;
import io.cloudmq.dataplane.store.meta.EpochHistory;
import io.cloudmq.dataplane.store.meta.StoreMeta;
import io.cloudmq.dataplane.store.queue.ConsumeQueue;
import io.cloudmq.dataplane.store.queue.ConsumeQueueStore;
import io.cloudmq.dataplane.store.queue.Dispatcher;
import io.cloudmq.dataplane.store.recovery.AbortMarker;
import io.cloudmq.dataplane.store.recovery.Checkpoint;
import io.cloudmq.dataplane.store.recovery.RecoveryReport;
import io.cloudmq.dataplane.store.recovery.StoreRecovery;
import io.cloudmq.dataplane.store.retention.RetentionService;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The parts of an open store and their life cycle.
 *
 * <p>Open order: lock the directory, check {@code store.meta}, open the epoch history, load files,
 * recover, checkpoint, create the abort marker, start services. Close order: refuse new puts (under
 * the put lock), stop retention, the periodic flusher and the fault-ahead thread, let group commit
 * cover every stored record, final flush and checkpoint, and only if all of that succeeded and the
 * store is healthy, delete the abort marker.
 *
 * <p>Threading: open and close from one thread; {@link #flushAndCheckpoint} is serialised.
 */
final class StoreComponents {
    private static final Logger log = LoggerFactory.getLogger(StoreComponents.class);
    /** How far ahead of the commit-log writer pages are faulted in (see {@link FaultAhead}). */
    private static final int FAULT_AHEAD_WINDOW = 16 << 20;

    private final StoreConfig config;
    private final FlushObserver observer;
    private final FileChannel lockChannel;
    private final FileLock directoryLock;
    private final EpochHistory epochs;
    private final CommitLog commitLog;
    private final FaultAhead faultAhead;
    private final ConsumeQueueStore queues;
    private final IndexService index;
    private final Dispatcher dispatcher;
    private final MessageLookup lookup;
    private final AbortMarker abortMarker;
    private final RecoveryReport recoveryReport;
    private final StoreHealth health = new StoreHealth();
    private final ReentrantLock putLock = new ReentrantLock();
    private final Object checkpointLock = new Object();
    private final GroupCommitService groupCommit;
    private final PeriodicFlushService periodicFlush;
    private final RetentionService retention;
    private final ScheduledExecutorService retentionThread;
    private volatile boolean closed;

    private StoreComponents(StoreConfig config, StoreExtensions extensions, FileChannel lockChannel,
            FileLock directoryLock) throws IOException {
        this.config = config;
        this.observer = extensions.flushObserver();
        this.lockChannel = lockChannel;
        this.directoryLock = directoryLock;
        StoreMeta.openOrCreate(config.root(), config.cluster(), config.brokerName());
        this.epochs = EpochHistory.open(config.root());
        MappedFileQueue files = new MappedFileQueue(config.root().resolve("commitlog"), config.commitLogFileSize());
        files.load();
        this.commitLog = new CommitLog(files, config.storeAddress());
        this.faultAhead = new FaultAhead(files, FAULT_AHEAD_WINDOW);
        this.queues = new ConsumeQueueStore(config.root().resolve("consumequeue"), config.consumeQueueEntriesPerFile());
        queues.load();
        this.index = new IndexService(config.root().resolve("index"), config.indexSlotsPerFile(),
                config.indexEntriesPerFile());
        index.load();
        this.dispatcher = new Dispatcher(queues, index);
        this.lookup = new MessageLookup(commitLog, index);
        this.abortMarker = new AbortMarker(config.root());
        this.recoveryReport = new StoreRecovery(commitLog, queues, index, dispatcher)
                .recover(abortMarker.exists(), Checkpoint.readFrom(config.root()));
        for (ConsumeQueue queue : queues.all()) {
            queue.deleteBelowPhysicalOffset(commitLog.minOffset());
        }
        flushAndCheckpoint();
        abortMarker.create();
        this.groupCommit = new GroupCommitService(this::fsyncCommitLog,
                e -> health.markNotWritable("commit-log fsync failed: " + e));
        this.periodicFlush = new PeriodicFlushService("store-flush", config.flushInterval(), this::flushAndCheckpoint,
                e -> health.markNotWritable("periodic flush failed: " + e));
        this.retention = new RetentionService(commitLog, queues, index,
                new RetentionService.Policy(config.fileReservedTime(), config.deleteHour(), config.cleanDiskRatio(),
                        config.refuseDiskRatio()),
                () -> extensions.diskUsageProbe().usedRatio(config.root()), config.clock(), putLock);
        this.retentionThread = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "store-retention");
            thread.setDaemon(true);
            return thread;
        });
    }

    static StoreComponents open(StoreConfig config, StoreExtensions extensions) throws IOException {
        Files.createDirectories(config.root());
        FileChannel channel = FileChannel.open(config.root().resolve("lock"), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        }
        if (lock == null) {
            channel.close();
            throw new IOException("store " + config.root() + " is used by another process");
        }
        StoreComponents parts;
        try {
            parts = new StoreComponents(config, extensions, channel, lock);
        } catch (IOException | RuntimeException e) {
            lock.release();
            channel.close();
            throw e;
        }
        parts.start();
        return parts;
    }

    private void start() {
        if (config.flushMode() == FlushMode.SYNC_FLUSH) {
            groupCommit.start();
        }
        periodicFlush.start();
        faultAhead.start();
        long period = config.retentionCheckInterval().toMillis();
        retentionThread.scheduleWithFixedDelay(this::runRetention, period, period, TimeUnit.MILLISECONDS);
    }

    /** One commit-log fsync, reported to the observer. */
    long fsyncCommitLog() throws IOException {
        observer.beforeFsync();
        long covered = commitLog.flush();
        observer.fsyncCompleted(covered);
        return covered;
    }

    /**
     * Forces the commit log (ASYNC_FLUSH only; SYNC_FLUSH has group commit), then consume queues and the
     * index, then writes a checkpoint that claims only what those flushes covered.
     */
    void flushAndCheckpoint() throws IOException {
        synchronized (checkpointLock) {
            long commitLogOffset = config.flushMode() == FlushMode.ASYNC_FLUSH ? fsyncCommitLog()
                    : commitLog.flushedOffset();
            long lastStoreTimestamp = commitLog.lastStoreTimestamp();
            long dispatched = dispatcher.dispatchedOffset();
            queues.flushAll();
            long indexed = index.indexedOffset();
            index.flush();
            new Checkpoint(commitLogOffset, dispatched, indexed, lastStoreTimestamp).writeTo(config.root());
        }
    }

    private void runRetention() {
        try {
            retention.runOnce();
        } catch (IOException | RuntimeException e) {
            log.error("retention check failed; retrying at the next period", e);
        }
    }

    void close() {
        putLock.lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
        } finally {
            putLock.unlock();
        }
        retentionThread.shutdownNow();
        try {
            retentionThread.awaitTermination(10, TimeUnit.SECONDS);
            periodicFlush.close();
            faultAhead.close();
            if (config.flushMode() == FlushMode.SYNC_FLUSH) {
                groupCommit.awaitFlushed(commitLog.maxOffset(), config.syncFlushTimeout());
                groupCommit.close();
            }
            if (health.isWritable()) {
                flushAndCheckpoint();
                abortMarker.delete();
            } else {
                log.warn("store closed unhealthy ({}); the abort marker stays for crash recovery", health.failure());
            }
            epochs.close();
            directoryLock.release();
            lockChannel.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            log.warn("store close interrupted; the abort marker stays for crash recovery");
        } catch (IOException e) {
            health.markNotWritable("close failed: " + e);
            throw new StorageException("store close failed; the abort marker stays for crash recovery", e);
        }
    }

    boolean closed() {
        return closed;
    }

    StoreHealth health() {
        return health;
    }

    ReentrantLock putLock() {
        return putLock;
    }

    CommitLog commitLog() {
        return commitLog;
    }

    FaultAhead faultAhead() {
        return faultAhead;
    }

    ConsumeQueueStore queues() {
        return queues;
    }

    Dispatcher dispatcher() {
        return dispatcher;
    }

    MessageLookup lookup() {
        return lookup;
    }

    GroupCommitService groupCommit() {
        return groupCommit;
    }

    RetentionService retention() {
        return retention;
    }

    RecoveryReport recoveryReport() {
        return recoveryReport;
    }

    IndexService index() {
        return index;
    }

    EpochHistory epochs() {
        return epochs;
    }
}
