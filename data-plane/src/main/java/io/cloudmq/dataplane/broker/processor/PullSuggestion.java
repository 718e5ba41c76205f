package io.cloudmq.dataplane.broker.processor;

/**
 * Which broker of the group a pull answer names in {@code suggestWhichBrokerId} (spec §4.5): the RocketMQ
 * 5.5.0 client pulls that queue next from the broker with that id if its route lists one, else from any
 * broker of the group (and it never piggybacks commit offsets on pulls from a slave). Implementations are
 * thread-safe.
 */
@FunctionalInterface
public interface PullSuggestion {
    /** Always the master (broker id 0). */
    PullSuggestion MASTER = behindBytes -> 0;

    /**
     * The broker id for the next pull of a queue.
     *
     * @param behindBytes how far the records this pull returned start behind the commit log's end; 0 when it
     *     returned none
     */
    long brokerIdFor(long behindBytes);
}
