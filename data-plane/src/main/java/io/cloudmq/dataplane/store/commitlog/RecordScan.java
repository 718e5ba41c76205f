package io.cloudmq.dataplane.store.commitlog;

import org.jspecify.annotations.Nullable;

/**
 * What a scan found at one position of a commit-log file.
 *
 * @param status kind of finding
 * @param size bytes to skip to the next position (record or blank size; 0 otherwise)
 * @param header the record's fields when {@code status} is {@link Status#RECORD}
 */
public record RecordScan(Status status, int size, @Nullable RecordHeader header) {
    static final RecordScan NO_MORE_DATA = new RecordScan(Status.NO_MORE_DATA, 0, null);
    static final RecordScan CORRUPT = new RecordScan(Status.CORRUPT, 0, null);

    /** Kinds of findings. */
    public enum Status {
        /** A valid record. */
        RECORD,
        /** The end-of-file blank; the next record starts in the next file. */
        END_OF_FILE,
        /** Zeros: nothing was written here yet. */
        NO_MORE_DATA,
        /** Bad magic, inconsistent lengths or CRC mismatch: a torn or damaged tail. */
        CORRUPT
    }

    static RecordScan record(RecordHeader header) {
        return new RecordScan(Status.RECORD, header.size(), header);
    }

    static RecordScan blank(int size) {
        return new RecordScan(Status.END_OF_FILE, size, null);
    }

    /** The header of a {@link Status#RECORD} finding. */
    public RecordHeader headerOrThrow() {
        if (header == null) {
            throw new IllegalStateException("no record: " + status);
        }
        return header;
    }
}
