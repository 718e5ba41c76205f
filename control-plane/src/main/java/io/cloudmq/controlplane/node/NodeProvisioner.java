package io.cloudmq.controlplane.node;

/**
 * How the nodes of a deployment get their software. The upgrade pre-check asks it whether a target version
 * can be started; the upgrade orchestrator will restart nodes through it. Implementations are thread-safe.
 */
public interface NodeProvisioner {

    /** Whether the node runtime of {@code version} is installed where nodes can be started from it. */
    boolean hasRuntime(String version);
}
