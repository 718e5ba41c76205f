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
     * Where it can, the new process is a hot successor ({@link #prepareRestart}) started before the old one
     * stops, so the node is down for its store's opening only.
     */
    NodeRestart restart(String nodeId, String version);

    /**
     * Starts the next process of {@code nodeId} from the runtime of {@code version} beside the running one and
     * waits until it is warm; it takes over when the running process leaves (a drained broker exits by
     * itself) or {@link #restart} stops it. Best effort: false when none waits, and the restart starts cold.
     */
    boolean prepareRestart(String nodeId, String version);

    /** Stops what {@link #prepareRestart} started for {@code nodeId} if it has not taken over (a drain failed). */
    void discardPreparedRestart(String nodeId);
}
