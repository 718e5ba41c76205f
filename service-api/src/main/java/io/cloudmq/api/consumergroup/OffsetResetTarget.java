package io.cloudmq.api.consumergroup;

/** Where a reset moves a group's offsets: the first message stored at or after a time, the oldest, or the end. */
public enum OffsetResetTarget {
    TIMESTAMP,
    EARLIEST,
    LATEST
}
