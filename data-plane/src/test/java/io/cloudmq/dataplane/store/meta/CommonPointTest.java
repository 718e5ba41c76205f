package io.cloudmq.dataplane.store.meta;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CommonPointTest {
    @Test
    void equalLengthLogsWithDifferentTailsAfterAPromotionMeetWhereThePromotedTermStarts() {
        List<EpochEntry> oldMaster = List.of(new EpochEntry(1, 0));
        List<EpochEntry> promoted = List.of(new EpochEntry(1, 0), new EpochEntry(2, 800));

        assertThat(CommonPoint.of(oldMaster, 1000, promoted, 1000)).isEqualTo(800);
        assertThat(CommonPoint.of(promoted, 1000, oldMaster, 1000)).isEqualTo(800);
    }

    @Test
    void aSlaveBehindInTheSameTermsKeepsItsWholeLog() {
        List<EpochEntry> history = List.of(new EpochEntry(1, 0), new EpochEntry(4, 500));

        assertThat(CommonPoint.of(List.of(new EpochEntry(1, 0)), 300, history, 2000)).isEqualTo(300);
        assertThat(CommonPoint.of(history, 700, history, 2000)).isEqualTo(700);
    }

    @Test
    void aSlaveAheadOfItsMasterInTheSameTermIsCutToTheMastersEnd() {
        List<EpochEntry> history = List.of(new EpochEntry(1, 0));

        assertThat(CommonPoint.of(history, 1200, history, 900)).isEqualTo(900);
    }

    @Test
    void aTermOfTheSlaveThatTheMasterNeverHadIsCutBackToTheLastSharedTerm() {
        List<EpochEntry> slave = List.of(new EpochEntry(1, 0), new EpochEntry(3, 600), new EpochEntry(5, 900));
        List<EpochEntry> master = List.of(new EpochEntry(1, 0), new EpochEntry(3, 600), new EpochEntry(4, 700));

        assertThat(CommonPoint.of(slave, 1500, master, 3000)).isEqualTo(700);
    }

    @Test
    void logsWithoutASharedTermShareNothing() {
        assertThat(CommonPoint.of(List.of(new EpochEntry(2, 0)), 500, List.of(new EpochEntry(1, 0)), 500)).isZero();
        assertThat(CommonPoint.of(List.of(), 0, List.of(new EpochEntry(1, 0)), 500)).isZero();
    }

    @Test
    void bytesWrittenBeforeAnyTermCompareAsEpochZero() {
        assertThat(CommonPoint.of(List.of(), 400, List.of(), 900)).isEqualTo(400);
        assertThat(CommonPoint.of(List.of(), 400, List.of(new EpochEntry(1, 300)), 900)).isEqualTo(300);
    }
}
