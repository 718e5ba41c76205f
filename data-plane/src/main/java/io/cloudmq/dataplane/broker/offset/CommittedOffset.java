package io.cloudmq.dataplane.broker.offset;

/**
 * A committed consumer offset with its version: the leadership epoch of the broker that accepted the commit
 * and that broker's wall-clock time of it. Versions order commits across a master and its slave, which both
 * accept commits (a slave while its master is away): the greater (epoch, time, offset), compared in that
 * order, is the later write ({@link #supersedes}). Comparing the offset last makes the order total, so two
 * brokers holding different offsets under one version still agree on the winner. An offset from a file or a
 * peer without versions has version (0, 0) and loses to every versioned commit.
 *
 * <p>Immutable.
 *
 * @param offset the next queue offset the group consumes
 * @param epoch the accepting broker's epoch (its log's last leadership term), 0 before any failover
 * @param timeMillis the accepting broker's wall-clock time of the commit, ms since the epoch
 */
public record CommittedOffset(long offset, long epoch, long timeMillis) {

    /** An offset without a version: from a file or a peer that does not record versions. */
    public static CommittedOffset unversioned(long offset) {
        return new CommittedOffset(offset, 0, 0);
    }

    /** Whether this is the later write of the two: greater (epoch, time, offset); false for an equal entry. */
    public boolean supersedes(CommittedOffset other) {
        if (epoch != other.epoch) {
            return epoch > other.epoch;
        }
        if (timeMillis != other.timeMillis) {
            return timeMillis > other.timeMillis;
        }
        return offset > other.offset;
    }
}
