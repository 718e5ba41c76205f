package io.cloudmq.dataplane.broker.processor;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReplicaReadSuggestionTest {
    private static final long COLD = ReplicaReadSuggestion.COLD_READ_BYTES + 1;
    private static final long WARM = ReplicaReadSuggestion.COLD_READ_BYTES;

    @Test
    void aMasterSendsColdReadsToItsSlaveWhileTheSlaveIsInSync() {
        PullSuggestion inSync = ReplicaReadSuggestion.onMaster(() -> true);

        assertThat(inSync.brokerIdFor(COLD)).isEqualTo(ReplicaReadSuggestion.SLAVE_ID);
        assertThat(inSync.brokerIdFor(WARM)).isZero();
        assertThat(inSync.brokerIdFor(0)).isZero();
    }

    @Test
    void aMasterKeepsColdReadsWithoutASlaveInSync() {
        assertThat(ReplicaReadSuggestion.onMaster(() -> false).brokerIdFor(COLD)).isZero();
    }

    @Test
    void aSlaveWithoutItsMasterAnswersWithItself() {
        PullSuggestion masterAbsent = ReplicaReadSuggestion.onSlave(2, () -> false);

        assertThat(masterAbsent.brokerIdFor(0)).isEqualTo(2);
        assertThat(masterAbsent.brokerIdFor(WARM)).isEqualTo(2);
    }

    @Test
    void aSlaveWithItsMasterKeepsColdReadsAndSendsTailingReadsBack() {
        PullSuggestion masterPresent = ReplicaReadSuggestion.onSlave(1, () -> true);

        assertThat(masterPresent.brokerIdFor(COLD)).isEqualTo(1);
        assertThat(masterPresent.brokerIdFor(WARM)).isZero();
    }
}
