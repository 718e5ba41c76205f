package io.cloudmq.controlplane.node;

/**
 * How the nodes of a deployment get their software. The upgrade pre-check asks it whether a target version
 * can be started; the upgrade orchestrator restarts nodes through it. Implementations are thread-safe.
 */
public interface NodeProvisioner {

    /** Whether the node runtime of {@code version} is installed where nodes can be started from it. */
    boolean hasRuntime(String version);

    /**
     * Stops {@code nodeId} (a node that already left after a drain is simply not running any more) and starts
     * it from the runtime of {@code version}. Blocks until the new process is launched, not until it serves.
     */
    NodeRestart restart(String nodeId, String version);
}
