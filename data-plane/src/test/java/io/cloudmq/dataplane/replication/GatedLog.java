package io.cloudmq.dataplane.replication;

import io.cloudmq.dataplane.store.ReplicaAppendStatus;
import io.cloudmq.dataplane.store.ReplicatedLog;
import io.cloudmq.dataplane.store.meta.EpochEntry;
import io.cloudmq.dataplane.store.queue.ArrivalListener;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/** A master's log that hands out only as many chunks as a test allows; beyond that it looks fully sent. */
final class GatedLog implements ReplicatedLog {
    private final ReplicatedLog delegate;
    private final Semaphore chunks = new Semaphore(0);
    private final AtomicLong servedUpTo = new AtomicLong();

    GatedLog(ReplicatedLog delegate) {
        this.delegate = delegate;
    }

    void allow(int count) {
        chunks.release(count);
    }

    /** End offset of the last chunk handed out. */
    long servedUpTo() {
        return servedUpTo.get();
    }

    @Override
    public byte @Nullable [] readReplicationChunk(long offset, int maxBytes) {
        if (!chunks.tryAcquire()) {
            return new byte[0];
        }
        byte[] chunk = delegate.readReplicationChunk(offset, maxBytes);
        if (chunk != null) {
            servedUpTo.set(offset + chunk.length);
        }
        return chunk;
    }

    @Override
    public long commitLogMinOffset() {
        return delegate.commitLogMinOffset();
    }

    @Override
    public long commitLogMaxOffset() {
        return delegate.commitLogMaxOffset();
    }

    @Override
    public int commitLogFileSize() {
        return delegate.commitLogFileSize();
    }

    @Override
    public ReplicaAppendStatus appendReplicated(long offset, ByteBuffer chunk) {
        return delegate.appendReplicated(offset, chunk);
    }

    @Override
    public void truncateTo(long offset) {
        delegate.truncateTo(offset);
    }

    @Override
    public List<EpochEntry> epochHistory() {
        return delegate.epochHistory();
    }

    @Override
    public void recordEpoch(EpochEntry term) {
        delegate.recordEpoch(term);
    }

    @Override
    public void addArrivalListener(ArrivalListener listener) {
        delegate.addArrivalListener(listener);
    }

    @Override
    public void removeArrivalListener(ArrivalListener listener) {
        delegate.removeArrivalListener(listener);
    }
}
