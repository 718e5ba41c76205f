package io.cloudmq.dataplane.store.queue;

import java.nio.ByteBuffer;

/**
 * One 20-byte consume-queue entry, big-endian:
 *
 * <pre>
 * | offset | size | field                        |
 * |--------|------|------------------------------|
 * | 0      | 8    | commit-log (physical) offset |
 * | 8      | 4    | record size                  |
 * | 16     | 8    | tag hash (spec §4.9)         |
 * </pre>
 *
 * An all-zero entry (size 0) is a hole left when a queue restarts past its old end; readers skip it.
 *
 * @param physicalOffset commit-log offset of the record
 * @param size record size in bytes
 * @param tagsCode tag hash used for broker-side filtering
 */
public record ConsumeQueueEntry(long physicalOffset, int size, long tagsCode) {
    /** Bytes per entry. */
    public static final int SIZE = 20;

    void writeTo(ByteBuffer target) {
        target.putLong(physicalOffset).putInt(size).putLong(tagsCode);
    }

    static ConsumeQueueEntry readFrom(ByteBuffer source, int position) {
        return new ConsumeQueueEntry(source.getLong(position), source.getInt(position + 8), source.getLong(position + 12));
    }

    /** Whether this is a hole rather than a record. */
    public boolean isHole() {
        return size == 0;
    }
}
