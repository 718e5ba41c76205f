package io.cloudmq.controlplane.node;

/** How a node answered a desired-state push. */
public enum DesiredStatePushStatus {
    /** 200 with the generation the node now serves. */
    APPLIED,
    /** A 4xx answer: the node refused the request as sent (wrong node token, invalid body). */
    REJECTED,
    /** No answer in time, a transport failure, a 5xx or an unreadable answer: the node may be down. */
    FAILED
}
