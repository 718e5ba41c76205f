package io.cloudmq.dataplane.config;

import io.cloudmq.api.node.DesiredState;

/**
 * Told about the desired state a node serves: once with the current state when it subscribes, then after
 * every newer generation has been persisted. Called on the thread that applied the state, one call at a time
 * per store, in subscription order; an implementation must not block for long.
 */
@FunctionalInterface
public interface DesiredStateListener {
    void onDesiredState(DesiredState state);
}
