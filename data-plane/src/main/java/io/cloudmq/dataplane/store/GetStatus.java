package io.cloudmq.dataplane.store;

/** Outcome of reading a queue; the pull processor maps each to a response code (spec §4.6). */
public enum GetStatus {
    /** At least one matching message; next begin offset is after the last one scanned. */
    FOUND,
    /** Entries were scanned but none matched the tag filter; next begin offset skips them. */
    NO_MATCHED_MESSAGE,
    /** The queue has no messages (unknown or empty); next begin offset is 0. */
    NO_MESSAGE_IN_QUEUE,
    /** The offset is below the queue's min offset; next begin offset is the min offset. */
    OFFSET_TOO_SMALL,
    /** The offset equals the max offset (caught up); next begin offset is the same offset. */
    OFFSET_OVERFLOW_ONE,
    /** The offset is beyond the max offset; next begin offset is the max offset. */
    OFFSET_OVERFLOW_BADLY,
    /** The entries scanned point at commit-log files retention just deleted; next begin offset skips them. */
    MESSAGE_WAS_REMOVING
}
