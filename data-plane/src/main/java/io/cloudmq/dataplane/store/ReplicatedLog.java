package io.cloudmq.dataplane.store;

import io.cloudmq.dataplane.store.meta.EpochEntry;
import io.cloudmq.dataplane.store.queue.ArrivalListener;
import java.nio.ByteBuffer;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The store as replication sees it: raw commit-log bytes out on a master, verbatim bytes in on a slave,
 * and the epoch history both use to find where their logs diverge.
 *
 * <p>Threading: every method is safe to call from any thread. {@link #appendReplicated},
 * {@link #truncateTo} and {@link #recordEpoch} are serialised with puts under the store's put lock.
 * {@link #truncateTo} must not race readers of the cut range: a slave truncates during its handshake,
 * before it serves the bytes behind the cut.
 */
public interface ReplicatedLog {
    /** Offset of the first stored commit-log byte. */
    long commitLogMinOffset();

    /** Offset after the last record of the commit log. */
    long commitLogMaxOffset();

    /** Bytes per commit-log file; master and slave must agree for verbatim appends. */
    int commitLogFileSize();

    /**
     * A copy of whole records (and a file's end-of-file blank) from {@code offset}, within one file, at
     * most {@code maxBytes} unless the first record alone is larger. Empty at the end of the log.
     *
     * @return the bytes, or {@code null} if {@code offset} is not stored; {@code offset} must be a record boundary
     */
    byte @Nullable [] readReplicationChunk(long offset, int maxBytes);

    /**
     * Appends bytes a master sent, verbatim, at {@code offset} (the end of this log, or any file
     * boundary while it holds no bytes), and dispatches them to consume queues and the index.
     */
    ReplicaAppendStatus appendReplicated(long offset, ByteBuffer chunk);

    /**
     * Cuts the commit log, its consume-queue and index entries at {@code offset} (nothing to cut at or
     * past the end), forces the cut to disk and writes a checkpoint; drops every epoch term starting at
     * or after {@code offset}. Below the first file it removes the whole log.
     */
    void truncateTo(long offset);

    /** The epoch history, oldest first. */
    List<EpochEntry> epochHistory();

    /**
     * Records a master's term in this slave's epoch history, as the replicated bytes reach it.
     *
     * @throws IllegalArgumentException if the term does not follow the last one or starts past the end
     */
    void recordEpoch(EpochEntry term);

    /** Registers a listener told about every new record (a master's sender wakes on it). */
    void addArrivalListener(ArrivalListener listener);

    /** Unregisters a listener added by {@link #addArrivalListener}. */
    void removeArrivalListener(ArrivalListener listener);
}
