package io.cloudmq.dataplane.broker.offset;

import org.jspecify.annotations.Nullable;

/**
 * The last-writer-wins rules by which a master and its slave reconcile their committed offsets of one queue
 * when they meet again (issue 7): the later write ({@link CommittedOffset#supersedes}) wins, except that a
 * pending server-side reset on the master wins over any commit, on both sides.
 *
 * <table>
 *   <caption>which entry each side keeps</caption>
 *   <tr><th>side</th><th>master's reset pending</th><th>kept</th></tr>
 *   <tr><td>slave, given the master's entry</td><td>yes</td><td>the master's</td></tr>
 *   <tr><td>slave, given the master's entry</td><td>no</td><td>the later write; its own when equal</td></tr>
 *   <tr><td>master, given the slave's entry</td><td>yes</td><td>its own (the reset)</td></tr>
 *   <tr><td>master, given the slave's entry</td><td>no</td><td>the later write; its own when equal</td></tr>
 * </table>
 *
 * <p>Stateless and thread-safe.
 */
final class OffsetMerge {
    private OffsetMerge() {}

    /** Whether a slave replaces {@code own} (null: none) with its master's entry. */
    static boolean slaveTakes(@Nullable CommittedOffset own, CommittedOffset masters, boolean masterResetPending) {
        return masterResetPending || laterThan(masters, own);
    }

    /** Whether a master replaces {@code own} (null: none) with its slave's entry. */
    static boolean masterTakes(@Nullable CommittedOffset own, boolean ownResetPending, CommittedOffset slaves) {
        return !ownResetPending && laterThan(slaves, own);
    }

    /** Whether a slave reports {@code own} to its master as newer than the master's entry (null: none). */
    static boolean slaveReports(CommittedOffset own, @Nullable CommittedOffset masters, boolean masterResetPending) {
        return !masterResetPending && laterThan(own, masters);
    }

    private static boolean laterThan(CommittedOffset candidate, @Nullable CommittedOffset current) {
        return current == null || candidate.supersedes(current);
    }
}
