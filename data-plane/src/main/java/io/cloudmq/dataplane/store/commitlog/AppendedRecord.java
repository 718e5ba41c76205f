package io.cloudmq.dataplane.store.commitlog;

/**
 * Where one appended record landed.
 *
 * @param physicalOffset commit-log offset of the record
 * @param size record size in bytes
 * @param queueOffset consume-queue offset written into the record
 */
public record AppendedRecord(long physicalOffset, int size, long queueOffset) {
    /** Offset just after the record. */
    public long endOffset() {
        return physicalOffset + size;
    }
}
