package io.cloudmq.dataplane.store;

import java.util.Set;

/**
 * Broker-side filter on the consume-queue tag hash (spec §4.9). Hashes collide, so the client
 * re-checks tag strings.
 *
 * <p>Threading: implementations are immutable and called from reading threads.
 */
@FunctionalInterface
public interface TagFilter {
    /** Accepts everything (subscription {@code *}). */
    TagFilter ALL = tagsCode -> true;

    boolean accepts(long tagsCode);

    /** Accepts entries whose tag hash, as an int, is one of {@code codes}. */
    static TagFilter anyOf(Set<Integer> codes) {
        Set<Integer> copy = Set.copyOf(codes);
        return tagsCode -> copy.contains((int) tagsCode);
    }
}
