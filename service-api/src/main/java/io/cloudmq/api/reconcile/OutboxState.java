package io.cloudmq.api.reconcile;

/** Progress of one desired-state change towards the nodes of its cluster. */
public enum OutboxState {
    /** Not yet served by every node; the reconciler (re)tries it. */
    PENDING,
    /** Every node of the cluster served the change's generation (or a newer one). */
    DONE,
    /** Given up after the maximum number of attempts; a later change or the drift repair still delivers it. */
    FAILED
}
