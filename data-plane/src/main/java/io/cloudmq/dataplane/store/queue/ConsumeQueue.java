package io.cloudmq.dataplane.store.queue;

import io.cloudmq.dataplane.store.file.MappedFile;
import io.cloudmq.dataplane.store.file.MappedFileQueue;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The index of one topic queue: entry {@code n} ({@link ConsumeQueueEntry}, 20 bytes at byte offset
 * {@code 20n}) locates the record with queue offset {@code n} in the commit log. Files live in
 * {@code <root>/consumequeue/<topic>/<queueId>/}, named by their start byte offset.
 *
 * <p>Derived data: entries past the checkpoint are rebuilt from the commit log after a crash, so they
 * carry no checksum. Retention removes whole files from the head and raises {@link #minOffset()}.
 *
 * <p>Threading: {@link #put} only from the store's writer (under the put lock) or recovery; reads from
 * any thread see only published entries.
 */
public final class ConsumeQueue {
    private final String topic;
    private final int queueId;
    private final MappedFileQueue files;
    private volatile long minOffset;

    public ConsumeQueue(String topic, int queueId, MappedFileQueue files) {
        this.topic = topic;
        this.queueId = queueId;
        this.files = files;
    }

    public String topic() {
        return topic;
    }

    public int queueId() {
        return queueId;
    }

    /**
     * Writes the entry for {@code queueOffset}. An offset below {@link #maxOffset()} is already present
     * and ignored (replay after recovery); an offset above it leaves holes.
     */
    public void put(long queueOffset, ConsumeQueueEntry entry) throws IOException {
        long max = maxOffset();
        if (queueOffset < max) {
            return;
        }
        long bytePosition = queueOffset * ConsumeQueueEntry.SIZE;
        if (max == 0 && queueOffset > 0) {
            minOffset = queueOffset;
        }
        MappedFile file = files.lastWritable(bytePosition);
        for (long gap = bytePosition - (file.startOffset() + file.writePosition()); gap > 0; ) {
            int hole = (int) Math.min(gap, file.remaining());
            file.append(ByteBuffer.allocate(hole));
            gap -= hole;
            file = files.lastWritable(bytePosition);
        }
        ByteBuffer encoded = ByteBuffer.allocate(ConsumeQueueEntry.SIZE);
        entry.writeTo(encoded);
        file.append(encoded.flip());
    }

    /**
     * Finds the end of the last file after loading (files load as full): the position after its last
     * non-zero entry. Holes only ever precede real entries, so trailing zeros are unwritten space.
     */
    public void recoverEnd() {
        MappedFile last = files.lastOrNull();
        if (last != null) {
            last.recoverSlotEnd(ConsumeQueueEntry.SIZE);
        }
    }

    /** The entry at {@code queueOffset}, or {@code null} if it is not (or no longer) stored. */
    public @Nullable ConsumeQueueEntry entryAt(long queueOffset) {
        if (queueOffset < minOffset()) {
            return null;
        }
        long bytePosition = queueOffset * ConsumeQueueEntry.SIZE;
        MappedFile file = files.findByOffset(bytePosition);
        byte[] bytes = file == null
                ? null
                : file.readOrNull((int) (bytePosition - file.startOffset()), ConsumeQueueEntry.SIZE);
        return bytes == null ? null : ConsumeQueueEntry.readFrom(ByteBuffer.wrap(bytes), 0);
    }

    /** Next queue offset to be written (number of messages ever in the queue). */
    public long maxOffset() {
        return files.maxOffset() / ConsumeQueueEntry.SIZE;
    }

    /** Smallest queue offset still stored. */
    public long minOffset() {
        return Math.max(minOffset, files.minOffset() / ConsumeQueueEntry.SIZE);
    }

    /** Raises the minimum offset (retention: the entries below point to deleted commit-log files). */
    public void advanceMinOffset(long offset) {
        minOffset = Math.max(minOffset, Math.min(offset, maxOffset()));
    }

    public void flush() throws IOException {
        files.flush();
    }

    /**
     * Removes every entry that points at or beyond {@code physicalOffset}; entries are in physical
     * order, so this cuts a suffix. For recovery only.
     */
    public void truncateFromPhysicalOffset(long physicalOffset) throws IOException {
        long low = minOffset();
        long high = maxOffset();
        while (low < high) {
            long middle = (low + high) >>> 1;
            ConsumeQueueEntry entry = entryAt(middle);
            if (entry != null && !entry.isHole() && entry.physicalOffset() < physicalOffset) {
                low = middle + 1;
            } else if (entry != null && entry.isHole() && holeBelow(middle, physicalOffset)) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        if (low < maxOffset()) {
            files.truncateTo(low * ConsumeQueueEntry.SIZE);
        }
    }

    /**
     * Deletes head files whose every entry points below {@code minPhysicalOffset}, never the last file,
     * and raises the minimum offset to the first entry at or above it.
     */
    public void deleteBelowPhysicalOffset(long minPhysicalOffset) throws IOException {
        List<MappedFile> snapshot = files.files();
        for (int i = 0; i < snapshot.size() - 1; i++) {
            MappedFile file = snapshot.get(i);
            ConsumeQueueEntry last = entryAt((file.startOffset() + file.fileSize()) / ConsumeQueueEntry.SIZE - 1);
            if (last == null || last.isHole() || last.physicalOffset() >= minPhysicalOffset) {
                break;
            }
            files.deleteFirst(file);
        }
        long offset = minOffset();
        ConsumeQueueEntry entry = entryAt(offset);
        while (entry != null && (entry.isHole() || entry.physicalOffset() < minPhysicalOffset)) {
            entry = entryAt(++offset);
        }
        advanceMinOffset(offset);
    }

    private boolean holeBelow(long hole, long physicalOffset) {
        for (long offset = hole - 1; offset >= minOffset(); offset--) {
            ConsumeQueueEntry entry = entryAt(offset);
            if (entry != null && !entry.isHole()) {
                return entry.physicalOffset() < physicalOffset;
            }
        }
        return true;
    }
}
