package io.cloudmq.api.node;

/** What a data-plane process does; the first command-line argument of a node. */
public enum NodeRole {
    NAMESRV,
    BROKER
}
