package io.cloudmq.api.node;

/** Liveness of a node as the control plane last measured it. */
public enum NodeState {
    /** The node answered its latest health check. */
    UP,
    /** The node missed two health checks in a row, or never answered one. */
    DOWN
}
