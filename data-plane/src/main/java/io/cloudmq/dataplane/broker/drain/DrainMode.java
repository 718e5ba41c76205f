package io.cloudmq.dataplane.broker.drain;

/** Who runs a drain, which decides what a missed deadline does. */
public enum DrainMode {
    /** {@code POST /admin/v1/drain}: a missed deadline with data at risk re-opens writes and reports it. */
    ORCHESTRATED,
    /** SIGTERM (or the parent's exit): a missed deadline is logged with what was outstanding; the node stops anyway. */
    SHUTDOWN
}
