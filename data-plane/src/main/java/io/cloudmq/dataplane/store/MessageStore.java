package io.cloudmq.dataplane.store;

import io.cloudmq.dataplane.store.commitlog.IncomingMessage;
import io.cloudmq.dataplane.store.meta.EpochEntry;
import io.cloudmq.dataplane.store.queue.ArrivalListener;
import io.cloudmq.dataplane.store.recovery.RecoveryReport;
import java.util.List;
import java.util.Optional;

/**
 * The store as the broker processors see it. Expected outcomes are status values ({@link PutStatus},
 * {@link GetStatus}); an unexpected I/O failure is a {@link StorageException}.
 *
 * <p>Threading: every method is safe to call from any thread. Puts are serialised internally; reads
 * never block puts and only see whole records.
 */
public interface MessageStore extends AutoCloseable {
    /** Maximum number of matches {@link #queryByUniqueId} returns. */
    int MAX_UNIQUE_ID_MATCHES = 64;

    /**
     * Stores one message. Under SYNC_FLUSH returns after an fsync covers it, or with
     * {@link PutStatus#FLUSH_DISK_TIMEOUT} (stored, durability unconfirmed) after the sync-flush timeout:
     * {@link #putAsync} waited for.
     */
    PutResult put(IncomingMessage message);

    /**
     * Stores messages of one topic queue atomically: all in one commit-log file with consecutive queue
     * offsets, or none ({@link PutStatus#MESSAGE_ILLEGAL} for mixed queues or a batch larger than a file):
     * {@link #putBatchAsync} waited for.
     */
    PutResult putBatch(List<IncomingMessage> messages);

    /**
     * Stores one message and returns once it is appended; under SYNC_FLUSH the returned put's durability
     * completes when an fsync covers it (or after the sync-flush timeout), without holding the caller.
     */
    PendingPut putAsync(IncomingMessage message);

    /** {@link #putBatch} returning once appended, with durability pending as for {@link #putAsync}. */
    PendingPut putBatchAsync(List<IncomingMessage> messages);

    /**
     * Reads a queue from {@code offset}: at most {@code maxCount} messages and, after the first,
     * at most {@code maxBytes} bytes, skipping entries {@code filter} rejects.
     */
    GetResult getMessages(String topic, int queueId, long offset, int maxCount, int maxBytes, TagFilter filter);

    /** The record at a physical offset (from an offset message id), if stored. */
    Optional<StoredMessage> getByPhysicalOffset(long physicalOffset);

    /** Messages of {@code topic} with {@code key} among their {@code KEYS}, newest first, at most {@code maxCount}. */
    List<StoredMessage> queryByKey(String topic, String key, int maxCount);

    /** Messages of {@code topic} whose {@code UNIQ_KEY} is {@code uniqueId}, newest first, at most 64. */
    List<StoredMessage> queryByUniqueId(String topic, String uniqueId);

    /** Smallest queue offset still stored (0 for an unknown queue). */
    long minOffset(String topic, int queueId);

    /** Next queue offset to be written (0 for an unknown queue). */
    long maxOffset(String topic, int queueId);

    /** Queue offset for a store time (spec §4.10); 0 for an unknown or empty queue. */
    long offsetByTimestamp(String topic, int queueId, long timestamp, BoundaryType boundary);

    /** Store time of the message at the queue's min offset, or -1 if there is none. */
    long earliestStoreTime(String topic, int queueId);

    /** Offset after the last record of the commit log. */
    long commitLogMaxOffset();

    /** Registers a listener told about every new consume-queue entry (pull long polling). */
    void addArrivalListener(ArrivalListener listener);

    /**
     * Records that the commit log is written under {@code epoch} from its current end on (appended and
     * fsynced to the epoch history before it returns); called on every role change.
     *
     * @throws IllegalArgumentException if {@code epoch} is not above the last epoch
     */
    void startEpoch(long epoch);

    /** The epoch history, oldest first. */
    List<EpochEntry> epochHistory();

    /** How the store was recovered when it opened. */
    RecoveryReport recoveryReport();

    /** Whether puts are accepted (false after a disk failure, until restart). */
    boolean isWritable();

    /** Clean shutdown: flush everything, write the checkpoint, remove the abort marker. */
    @Override
    void close();
}
