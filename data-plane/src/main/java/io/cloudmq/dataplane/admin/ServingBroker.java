package io.cloudmq.dataplane.admin;

import io.cloudmq.api.node.NodeRecoveryView;
import org.jspecify.annotations.Nullable;

/**
 * A broker as {@code GET /admin/v1/health} shows it: its drain, the broker id it serves under now, which
 * changes when a promotion makes it the master (0) or a stale epoch demotes it to a slave, and how its store
 * was recovered when the process started. Implementations are thread-safe.
 */
public interface ServingBroker extends DrainControl {

    /** The broker id of the role serving now, or the configured one while the role does not serve. */
    int brokerId();

    /**
     * How the store was recovered when this process started the broker role; {@code null} before it started.
     * An in-process role change (promotion, demotion) reopens a cleanly closed store and does not replace it.
     */
    @Nullable NodeRecoveryView recovery();
}
