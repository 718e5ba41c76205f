package io.cloudmq.dataplane.broker.offset;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OffsetMergeTest {
    private static final CommittedOffset EARLY = new CommittedOffset(10, 1, 1_000);
    private static final CommittedOffset LATE = new CommittedOffset(5, 1, 2_000);

    @Test
    void theLaterCommitWinsOnBothSides() {
        assertThat(OffsetMerge.slaveTakes(EARLY, LATE, false)).isTrue();
        assertThat(OffsetMerge.slaveTakes(LATE, EARLY, false)).isFalse();
        assertThat(OffsetMerge.masterTakes(EARLY, false, LATE)).isTrue();
        assertThat(OffsetMerge.masterTakes(LATE, false, EARLY)).isFalse();
        assertThat(OffsetMerge.slaveReports(LATE, EARLY, false)).isTrue();
        assertThat(OffsetMerge.slaveReports(EARLY, LATE, false)).isFalse();
    }

    @Test
    void aNewerEpochWinsOverALaterClock() {
        CommittedOffset promoted = new CommittedOffset(3, 2, 500);

        assertThat(promoted.supersedes(LATE)).isTrue();
        assertThat(LATE.supersedes(promoted)).isFalse();
    }

    @Test
    void underEqualVersionsTheGreaterOffsetWinsWhicheverSideAsks() {
        CommittedOffset low = new CommittedOffset(7, 1, 1_000);
        CommittedOffset high = new CommittedOffset(9, 1, 1_000);

        assertThat(OffsetMerge.slaveTakes(low, high, false)).isTrue();
        assertThat(OffsetMerge.masterTakes(low, false, high)).isTrue();
        assertThat(OffsetMerge.slaveTakes(high, low, false)).isFalse();
        assertThat(OffsetMerge.masterTakes(high, false, low)).isFalse();
    }

    @Test
    void anIdenticalEntryChangesNothingAndIsNotReported() {
        CommittedOffset copy = new CommittedOffset(EARLY.offset(), EARLY.epoch(), EARLY.timeMillis());

        assertThat(OffsetMerge.slaveTakes(EARLY, copy, false)).isFalse();
        assertThat(OffsetMerge.masterTakes(EARLY, false, copy)).isFalse();
        assertThat(OffsetMerge.slaveReports(EARLY, copy, false)).isFalse();
    }

    @Test
    void aMissingEntryIsTakenOrReported() {
        assertThat(OffsetMerge.slaveTakes(null, EARLY, false)).isTrue();
        assertThat(OffsetMerge.masterTakes(null, false, EARLY)).isTrue();
        assertThat(OffsetMerge.slaveReports(EARLY, null, false)).isTrue();
    }

    @Test
    void aMastersPendingResetWinsOverALaterCommitOnBothSides() {
        assertThat(OffsetMerge.slaveTakes(LATE, EARLY, true)).as("the slave takes the reset").isTrue();
        assertThat(OffsetMerge.slaveReports(LATE, EARLY, true)).as("nor reports its commit").isFalse();
        assertThat(OffsetMerge.masterTakes(EARLY, true, LATE)).as("the master keeps the reset").isFalse();
        assertThat(OffsetMerge.masterTakes(null, true, LATE)).isFalse();
    }

    @Test
    void anUnversionedOffsetLosesToAnyVersionedCommit() {
        assertThat(new CommittedOffset(0, 0, 1).supersedes(CommittedOffset.unversioned(1_000))).isTrue();
        assertThat(CommittedOffset.unversioned(1_000).supersedes(new CommittedOffset(0, 0, 1))).isFalse();
    }
}
