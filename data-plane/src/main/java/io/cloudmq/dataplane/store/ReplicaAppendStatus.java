package io.cloudmq.dataplane.store;

/** Outcome of {@link ReplicatedLog#appendReplicated}. */
public enum ReplicaAppendStatus {
    /** Appended and dispatched. */
    APPENDED,
    /** The chunk does not start at the end of the log: the replica must re-synchronise. */
    OFFSET_MISMATCH,
    /** The chunk is not a run of valid records at their positions, or crosses a file end. */
    INVALID_DATA,
    /** Not appended: the store is closed or read-only after a disk failure. */
    NOT_WRITEABLE
}
