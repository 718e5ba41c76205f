package io.cloudmq.dataplane.store;

/** Outcome of a put; the send processor maps each to a response code in one switch. */
public enum PutStatus {
    /** Stored (and, under SYNC_FLUSH, fsynced). */
    PUT_OK,
    /** Stored, but the SYNC_FLUSH fsync did not complete within the timeout (or failed). */
    FLUSH_DISK_TIMEOUT,
    /** Not stored: topic empty or longer than 127 bytes, body too large, batch mixes queues or exceeds a file. */
    MESSAGE_ILLEGAL,
    /** Not stored: the properties string exceeds 32767 bytes. */
    PROPERTIES_SIZE_EXCEEDED,
    /** Not stored: disk usage is above the refuse threshold (90 % by default); reads keep working. */
    DISK_FULL,
    /** Not stored: the store turned read-only after a disk failure and needs a restart. */
    NOT_WRITEABLE,
    /** Not stored: the store is shut down. */
    SERVICE_NOT_AVAILABLE
}
