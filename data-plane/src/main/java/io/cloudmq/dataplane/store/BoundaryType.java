package io.cloudmq.dataplane.store;

/** Which offset a search by timestamp returns (spec §4.10). */
public enum BoundaryType {
    /** The first offset whose store time is at or after the timestamp. */
    LOWER,
    /** The last offset whose store time is at or before the timestamp. */
    UPPER
}
