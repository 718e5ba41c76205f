package io.cloudmq.dataplane.store;

import io.cloudmq.dataplane.store.commitlog.AppendResult;
import io.cloudmq.dataplane.store.commitlog.AppendStatus;
import io.cloudmq.dataplane.store.commitlog.AppendedRecord;
import io.cloudmq.dataplane.store.commitlog.EncodedBatch;
import io.cloudmq.dataplane.store.commitlog.IncomingMessage;
import io.cloudmq.dataplane.store.commitlog.MessageProperties;
import io.cloudmq.dataplane.store.commitlog.OffsetMessageId;
import io.cloudmq.dataplane.store.commitlog.RecordHeader;
import io.cloudmq.dataplane.store.commitlog.VerbatimAppend;
import io.cloudmq.dataplane.store.flush.FlushMode;
import io.cloudmq.dataplane.store.meta.EpochEntry;
import io.cloudmq.dataplane.store.queue.ArrivalListener;
import io.cloudmq.dataplane.store.queue.ConsumeQueue;
import io.cloudmq.dataplane.store.recovery.RecoveryReport;
import io.cloudmq.dataplane.store.schedule.DelayLevels;
import io.cloudmq.dataplane.store.schedule.ScheduleTopic;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The message store: delayed messages are parked in {@code SCHEDULE_TOPIC_XXXX} (see
 * {@link ScheduleTopic}); a put parses properties and encodes its records (body CRC included) first, then
 * takes one lock that assigns offsets and store time, copies the records into the commit log and
 * dispatches consume-queue and index entries; reads go straight to the structures. Replicated
 * bytes ({@link ReplicatedLog}) go through the same lock. Opening,
 * background services and shutdown order live in {@link StoreComponents}.
 *
 * <p>Threading: thread-safe. Puts are serialised by the put lock; under SYNC_FLUSH the wait for the
 * fsync happens outside the lock — asynchronously ({@link #putBatchAsync}) or blocking the caller
 * ({@link #putBatch}, built on it) — so concurrent puts share fsyncs.
 */
public final class DefaultMessageStore implements MessageStore, ReplicatedLog {
    private static final Logger log = LoggerFactory.getLogger(DefaultMessageStore.class);
    private static final CompletableFuture<PutStatus> PUT_OK = CompletableFuture.completedFuture(PutStatus.PUT_OK);

    private final StoreConfig config;
    private final StoreComponents parts;
    private final QueueReader reader;
    private final MessageValidator validator;

    private DefaultMessageStore(StoreConfig config, StoreComponents parts) {
        this.config = config;
        this.parts = parts;
        this.reader = new QueueReader(parts.commitLog(), parts.queues());
        this.validator = new MessageValidator(config.maxMessageSize());
    }

    /** Opens (creating or recovering) the store in {@code config.root()} with default extensions. */
    public static DefaultMessageStore open(StoreConfig config) {
        return open(config, StoreExtensions.defaults());
    }

    /**
     * Opens the store: checks {@code store.meta}, recovers, creates the abort marker and starts the
     * flush and retention services.
     *
     * @throws StorageException if the directory cannot be opened (incompatible, locked, I/O failure)
     */
    public static DefaultMessageStore open(StoreConfig config, StoreExtensions extensions) {
        try {
            return new DefaultMessageStore(config, StoreComponents.open(config, extensions));
        } catch (IOException e) {
            throw new StorageException("cannot open store " + config.root(), e);
        }
    }

    @Override
    public PutResult put(IncomingMessage message) {
        return putBatch(List.of(message));
    }

    @Override
    public PutResult putBatch(List<IncomingMessage> messages) {
        return putBatchAsync(messages).await(config.syncFlushTimeout());
    }

    @Override
    public PendingPut putAsync(IncomingMessage message) {
        return putBatchAsync(List.of(message));
    }

    @Override
    public PendingPut putBatchAsync(List<IncomingMessage> incoming) {
        List<IncomingMessage> messages = new ArrayList<>(incoming.size());
        List<Map<String, String>> properties = new ArrayList<>(incoming.size());
        for (IncomingMessage message : incoming) {
            Map<String, String> parsed = MessageProperties.parse(message.properties());
            messages.add(ScheduleTopic.park(message, parsed, DelayLevels.DEFAULT));
            properties.add(parsed);
        }
        PutStatus invalid = validator.check(messages);
        if (invalid != null) {
            return rejected(invalid);
        }
        if (parts.closed()) {
            return rejected(PutStatus.SERVICE_NOT_AVAILABLE);
        }
        if (!parts.health().isWritable()) {
            return rejected(PutStatus.NOT_WRITEABLE);
        }
        if (parts.retention().diskFull()) {
            return rejected(PutStatus.DISK_FULL);
        }
        @Nullable AppendResult appended;
        try {
            appended = appendAndDispatch(messages, properties, parts.commitLog().encode(messages));
        } catch (IOException e) {
            parts.health().markNotWritable("put failed: " + e);
            throw new StorageException("put failed", e);
        }
        if (appended == null) {
            return rejected(PutStatus.SERVICE_NOT_AVAILABLE);
        }
        if (appended.status() == AppendStatus.TOO_LARGE_FOR_FILE) {
            return rejected(PutStatus.MESSAGE_ILLEGAL);
        }
        List<String> ids = new ArrayList<>(appended.records().size());
        for (AppendedRecord record : appended.records()) {
            ids.add(OffsetMessageId.of(config.storeAddress(), record.physicalOffset()));
        }
        PutResult stored = new PutResult(PutStatus.PUT_OK, appended.records(), List.copyOf(ids),
                appended.storeTimestamp());
        return new PendingPut(stored, durability(stored.endOffset()));
    }

    private static PendingPut rejected(PutStatus status) {
        return PendingPut.settled(PutResult.rejected(status));
    }

    /**
     * Appends the encoded records and dispatches them under the put lock; {@code null} if the store
     * closed meanwhile. Everything that does not depend on the offsets was done before the lock.
     */
    private @Nullable AppendResult appendAndDispatch(List<IncomingMessage> messages,
            List<Map<String, String>> properties, EncodedBatch encoded) throws IOException {
        IncomingMessage first = messages.get(0);
        parts.putLock().lock();
        try {
            if (parts.closed()) {
                return null;
            }
            ConsumeQueue queue = parts.queues().findOrCreate(first.topic(), first.queueId());
            AppendResult appended = parts.commitLog().append(encoded, queue.maxOffset(), config.clock().millis());
            for (int i = 0; i < appended.records().size(); i++) {
                AppendedRecord record = appended.records().get(i);
                IncomingMessage message = messages.get(i);
                parts.dispatcher().dispatch(new RecordHeader(record.size(), message.topic(), message.queueId(),
                        record.queueOffset(), record.physicalOffset(), appended.storeTimestamp(),
                        message.properties()), properties.get(i));
            }
            parts.dispatcher().markDispatchedUpTo(parts.commitLog().maxOffset());
            parts.faultAhead().writerAt(parts.commitLog().maxOffset());
            return appended;
        } finally {
            parts.putLock().unlock();
        }
    }

    /** PUT_OK at once unless SYNC_FLUSH, where it completes when the group commit covers {@code endOffset}. */
    private CompletableFuture<PutStatus> durability(long endOffset) {
        if (config.flushMode() != FlushMode.SYNC_FLUSH) {
            return PUT_OK;
        }
        return parts.groupCommit().flushed(endOffset, config.syncFlushTimeout())
                .thenApply(covered -> covered ? PutStatus.PUT_OK : PutStatus.FLUSH_DISK_TIMEOUT);
    }

    @Override
    public GetResult getMessages(String topic, int queueId, long offset, int maxCount, int maxBytes,
            TagFilter filter) {
        return reader.getMessages(topic, queueId, offset, maxCount, maxBytes, filter);
    }

    @Override
    public Optional<StoredMessage> getByPhysicalOffset(long physicalOffset) {
        return parts.lookup().byPhysicalOffset(physicalOffset);
    }

    @Override
    public List<StoredMessage> queryByKey(String topic, String key, int maxCount) {
        return parts.lookup().byKey(topic, key, maxCount, false);
    }

    @Override
    public List<StoredMessage> queryByUniqueId(String topic, String uniqueId) {
        return parts.lookup().byKey(topic, uniqueId, MAX_UNIQUE_ID_MATCHES, true);
    }

    @Override
    public long minOffset(String topic, int queueId) {
        ConsumeQueue queue = parts.queues().find(topic, queueId);
        return queue == null ? 0 : queue.minOffset();
    }

    @Override
    public long maxOffset(String topic, int queueId) {
        ConsumeQueue queue = parts.queues().find(topic, queueId);
        return queue == null ? 0 : queue.maxOffset();
    }

    @Override
    public long offsetByTimestamp(String topic, int queueId, long timestamp, BoundaryType boundary) {
        return reader.offsetByTimestamp(topic, queueId, timestamp, boundary);
    }

    @Override
    public long earliestStoreTime(String topic, int queueId) {
        return reader.earliestStoreTime(topic, queueId);
    }

    @Override
    public long commitLogMaxOffset() {
        return parts.commitLog().maxOffset();
    }

    @Override
    public void addArrivalListener(ArrivalListener listener) {
        parts.dispatcher().addListener(listener);
    }

    @Override
    public void removeArrivalListener(ArrivalListener listener) {
        parts.dispatcher().removeListener(listener);
    }

    @Override
    public RecoveryReport recoveryReport() {
        return parts.recoveryReport();
    }

    @Override
    public void startEpoch(long epoch) {
        parts.putLock().lock();
        try {
            parts.epochs().append(epoch, parts.commitLog().maxOffset());
        } catch (IOException e) {
            parts.health().markNotWritable("epoch history append failed: " + e);
            throw new StorageException("epoch history append failed", e);
        } finally {
            parts.putLock().unlock();
        }
    }

    @Override
    public List<EpochEntry> epochHistory() {
        return parts.epochs().entries();
    }

    @Override
    public long commitLogMinOffset() {
        return parts.commitLog().minOffset();
    }

    @Override
    public int commitLogFileSize() {
        return config.commitLogFileSize();
    }

    @Override
    public byte @Nullable [] readReplicationChunk(long offset, int maxBytes) {
        return parts.commitLog().readChunk(offset, maxBytes);
    }

    @Override
    public ReplicaAppendStatus appendReplicated(long offset, ByteBuffer chunk) {
        parts.putLock().lock();
        try {
            if (parts.closed() || !parts.health().isWritable()) {
                return ReplicaAppendStatus.NOT_WRITEABLE;
            }
            VerbatimAppend appended = parts.commitLog().appendVerbatim(offset, chunk);
            if (appended.status() != VerbatimAppend.Status.APPENDED) {
                return appended.status() == VerbatimAppend.Status.OFFSET_MISMATCH
                        ? ReplicaAppendStatus.OFFSET_MISMATCH
                        : ReplicaAppendStatus.INVALID_DATA;
            }
            for (RecordHeader record : appended.records()) {
                parts.dispatcher().dispatch(record);
            }
            parts.dispatcher().markDispatchedUpTo(parts.commitLog().maxOffset());
            parts.faultAhead().writerAt(parts.commitLog().maxOffset());
            return ReplicaAppendStatus.APPENDED;
        } catch (IOException e) {
            parts.health().markNotWritable("replicated append failed: " + e);
            throw new StorageException("replicated append failed", e);
        } finally {
            parts.putLock().unlock();
        }
    }

    @Override
    public void truncateTo(long offset) {
        parts.putLock().lock();
        try {
            requireOpen();
            // the epoch history first: a crash after it leaves a longer log under an older term, which the
            // next handshake cuts again; the other order could leave a term starting past the end
            parts.epochs().truncateFrom(offset);
            if (offset >= parts.commitLog().maxOffset()) {
                return;
            }
            for (ConsumeQueue queue : parts.queues().all()) {
                queue.truncateFromPhysicalOffset(offset);
            }
            parts.index().recover(offset);
            parts.commitLog().truncateLive(offset);
            parts.groupCommit().rewindTo(offset);
            parts.dispatcher().markDispatchedUpTo(parts.commitLog().maxOffset());
            parts.flushAndCheckpoint();
            log.warn("commit log of {} truncated to {} to follow the master", config.root(), offset);
        } catch (IOException e) {
            parts.health().markNotWritable("truncation failed: " + e);
            throw new StorageException("truncation failed", e);
        } finally {
            parts.putLock().unlock();
        }
    }

    @Override
    public void recordEpoch(EpochEntry term) {
        parts.putLock().lock();
        try {
            requireOpen();
            if (term.startOffset() > parts.commitLog().maxOffset()) {
                throw new IllegalArgumentException(term + " starts past the end " + parts.commitLog().maxOffset());
            }
            parts.epochs().append(term.epoch(), term.startOffset());
        } catch (IOException e) {
            parts.health().markNotWritable("epoch history append failed: " + e);
            throw new StorageException("epoch history append failed", e);
        } finally {
            parts.putLock().unlock();
        }
    }

    /** Replication must stop before the store closes; a call after that is a wiring bug. */
    private void requireOpen() {
        if (parts.closed()) {
            throw new IllegalStateException("store " + config.root() + " is closed");
        }
    }

    @Override
    public boolean isWritable() {
        return parts.health().isWritable() && !parts.closed();
    }

    /** Runs one retention check now (normally periodic); returns the number of files deleted. */
    public int runRetention() {
        try {
            return parts.retention().runOnce();
        } catch (IOException e) {
            throw new StorageException("retention failed", e);
        }
    }

    /** Flushes derived data and writes the checkpoint now (normally periodic). */
    public void checkpoint() {
        try {
            parts.flushAndCheckpoint();
        } catch (IOException e) {
            parts.health().markNotWritable("checkpoint failed: " + e);
            throw new StorageException("checkpoint failed", e);
        }
    }

    @Override
    public void close() {
        long started = System.nanoTime();
        parts.close();
        log.info("store {} closed in {}", config.root(), Duration.ofNanos(System.nanoTime() - started));
    }
}
