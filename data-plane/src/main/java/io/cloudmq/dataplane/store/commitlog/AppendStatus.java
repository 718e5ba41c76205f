package io.cloudmq.dataplane.store.commitlog;

/** Outcome of a commit-log append. */
public enum AppendStatus {
    /** All records were written, in one file. */
    APPENDED,
    /** The records together do not fit into one file; nothing was written. */
    TOO_LARGE_FOR_FILE
}
