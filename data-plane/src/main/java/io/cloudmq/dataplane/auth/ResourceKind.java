package io.cloudmq.dataplane.auth;

/** The kinds of names a request carries; see {@link RequestAccessTable}. */
public enum ResourceKind {
    /** A topic; a {@code %RETRY%<g>} or {@code %DLQ%<g>} topic is checked as the consumer group {@code g}. */
    TOPIC,
    /** A consumer group: namespace, role and group allow-list apply. */
    GROUP,
    /** A producer group: only the namespace applies (sends are authorized by their topic). */
    PRODUCER_GROUP
}
