package io.cloudmq.controlplane.upgrade;

import io.cloudmq.api.node.NodeServingView;
import io.cloudmq.api.node.NodeView;
import io.cloudmq.api.node.ReplicationView;
import java.util.Optional;
import java.util.Set;

/**
 * What the orchestrator does to and reads from a node: the admin actions, the replication state and the
 * provisioner's restart. Implementations are thread-safe and never called inside a database transaction.
 */
interface UpgradeNodeControl {

    /** Fences the master's writes; ok once every name server confirmed it. */
    StepOutcome fence(NodeView node);

    /** Drains a fenced master; ok once it left (it exits by itself), with its serving record at the end. */
    StepOutcome drain(NodeView node);

    /**
     * Makes the node's next process on the runtime of {@code version} ready beside the running one (a hot
     * successor), so that a drained master is back the moment it left and a restart stops the node only for its
     * store's opening. Best effort: false when none waits (the restart then starts the node cold).
     */
    boolean prepareRestart(NodeView node, String version);

    /** Stops what {@link #prepareRestart} started if it has not taken over (the drain it was for failed). */
    void discardPreparedRestart(NodeView node);

    /** Restarts the node on the runtime of {@code version}; ok once the new process is launched. */
    StepOutcome restart(NodeView node, String version);

    /** The node's serving record (health), empty for a name server or a node that did not answer. */
    Optional<NodeServingView> serving(NodeView node);

    /** The broker's replication state, empty when it did not answer. */
    Optional<ReplicationView> replication(NodeView node);

    /** Whether the broker answers its health as write-fenced now; false when it did not answer. */
    boolean fenced(NodeView node);

    /** The remoting addresses of the brokers registered with the name server now, empty when it did not answer. */
    Optional<Set<String>> registeredBrokers(NodeView nameServer);
}
