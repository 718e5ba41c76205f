package io.cloudmq.dataplane.store;

import java.nio.ByteBuffer;

/**
 * One stored record, in the exact layout of a pull body entry (spec §4.8).
 *
 * @param physicalOffset commit-log offset of the record
 * @param queueOffset consume-queue offset of the record
 * @param storeTimestamp store time of the record
 * @param bytes the whole record, read-only (a copy owned by the caller)
 */
public record StoredMessage(long physicalOffset, long queueOffset, long storeTimestamp, ByteBuffer bytes) {
    public StoredMessage {
        bytes = bytes.asReadOnlyBuffer();
    }

    /** Record size in bytes. */
    public int size() {
        return bytes.remaining();
    }
}
