package io.cloudmq.api.node;

/** Outcome of a fence, unfence or drain action ({@link NodeDrainResult}). */
public enum NodeDrainStatus {
    /** Every name server confirmed the registration without write permission. */
    FENCED,
    /** Writes are open again: asked for (unfence), or a step missed its deadline and the drain gave up. */
    REOPENED,
    /** The node left: no more writes, everything flushed and replicated; it exits after answering. */
    LEFT
}
