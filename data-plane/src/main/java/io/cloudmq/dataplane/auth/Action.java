package io.cloudmq.dataplane.auth;

/** What a request does to the resources it names; see {@link RequestAccessTable}. */
public enum Action {
    /** Writes messages: sends, transaction ends. */
    PUB,
    /** Reads messages or consumer state: pulls, offsets, heartbeats with consumers, locks. */
    SUB,
    /** Cluster administration; only the operator credential may do it. */
    ADMIN,
    /** Metadata any tenant role may read (routes, queue offsets) for names inside its namespace. */
    ANY
}
