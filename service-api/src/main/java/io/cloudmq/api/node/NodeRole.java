package io.cloudmq.api.node;

/** What a data-plane process does; configured by the node property {@code role} ({@code namesrv} or {@code broker}). */
public enum NodeRole {
    NAMESRV,
    BROKER
}
