package io.cloudmq.api.upgrade;

/** The last step an upgrade window completed on one node ({@link NodeUpgradeProgressView}). */
public enum UpgradeNodePhase {
    /** A master's writes are fenced; clients get the route-refresh window to move their sends away. */
    FENCED,
    /** A master drained and left: nothing more to flush or replicate, its process exits. */
    DRAINED,
    /** The node was started from the target runtime; it is not yet known to serve and be caught up. */
    RESTARTED,
    /** The node runs the target version, is UP and (a broker) in sync with its group. */
    DONE
}
