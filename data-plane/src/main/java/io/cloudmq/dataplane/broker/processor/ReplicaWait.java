package io.cloudmq.dataplane.broker.processor;

import io.cloudmq.dataplane.replication.ReplicaAckStatus;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * What a stored send waits for before it is answered: nothing on an ASYNC_MASTER ({@link #NONE}), a slave's
 * confirmation on a SYNC_MASTER (the replication master's ack waiter). Implementations are thread-safe and
 * never block the caller.
 */
@FunctionalInterface
public interface ReplicaWait {
    /** Answers at once: the local put is enough. */
    ReplicaWait NONE = endOffset -> CompletableFuture.completedFuture(ReplicaAckStatus.REPLICATED);

    /** Completes when the commit log up to {@code endOffset} is replicated, or with why it is not. */
    CompletionStage<ReplicaAckStatus> await(long endOffset);
}
