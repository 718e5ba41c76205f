package io.cloudmq.dataplane.broker.drain;

import java.util.concurrent.CompletableFuture;

/**
 * What the drain sequence does to the broker it drains. Implementations are thread-safe; every method
 * returns promptly (the sequence does the waiting).
 */
public interface DrainTarget {

    /**
     * Whether clients send to this broker now (a master). A slave's route never carries sends: its drain neither
     * fences nor waits for routes to refresh.
     */
    boolean takesSends();

    /**
     * Registers with every name server now, with the permissions of the current phase (without write
     * permission while fenced); completes when all confirmed, exceptionally if one did not.
     */
    CompletableFuture<Void> reregister();

    /** Forces the commit log and the derived data to disk and writes the checkpoint. */
    void flush();

    /** Commit-log bytes some connected slave has not confirmed yet; 0 without slaves. */
    long unreplicatedBytes();

    /** Messages the online consumer groups have not committed yet (max offset minus committed offset). */
    long consumerLag();

    /** Answers every held pull, unregisters from every name server and stops accepting connections. */
    void leave();
}
