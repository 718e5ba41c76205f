package io.cloudmq.dataplane.store;

import io.cloudmq.dataplane.store.commitlog.AppendedRecord;
import java.util.List;

/**
 * Result of a put or batch put.
 *
 * @param status outcome
 * @param records where each message landed, in order (empty unless stored: PUT_OK or FLUSH_DISK_TIMEOUT)
 * @param offsetMessageIds offset message ids (spec §3.7), one per record
 * @param storeTimestamp store time of the records
 */
public record PutResult(PutStatus status, List<AppendedRecord> records, List<String> offsetMessageIds,
        long storeTimestamp) {

    static PutResult rejected(PutStatus status) {
        return new PutResult(status, List.of(), List.of(), 0);
    }

    /** The same records with another status (a stored put's durability outcome). */
    PutResult withStatus(PutStatus newStatus) {
        return newStatus == status ? this : new PutResult(newStatus, records, offsetMessageIds, storeTimestamp);
    }

    /** Whether the records are in the commit log (PUT_OK or FLUSH_DISK_TIMEOUT). */
    public boolean stored() {
        return !records.isEmpty();
    }

    /** Queue offset of the first record; -1 if nothing was stored. */
    public long queueOffset() {
        return records.isEmpty() ? -1 : records.get(0).queueOffset();
    }

    /** Commit-log offset after the last record; -1 if nothing was stored. */
    public long endOffset() {
        return records.isEmpty() ? -1 : records.get(records.size() - 1).endOffset();
    }

    /** The send response's {@code msgId}: the offset message ids joined by commas. */
    public String joinedOffsetMessageIds() {
        return String.join(",", offsetMessageIds);
    }
}
