package io.cloudmq.dataplane.admin;

/**
 * A broker as {@code GET /admin/v1/health} shows it: its drain and the broker id it serves under now, which
 * changes when a promotion makes it the master (0) or a stale epoch demotes it to a slave. Implementations
 * are thread-safe.
 */
public interface ServingBroker extends DrainControl {

    /** The broker id of the role serving now, or the configured one while the role does not serve. */
    int brokerId();
}
