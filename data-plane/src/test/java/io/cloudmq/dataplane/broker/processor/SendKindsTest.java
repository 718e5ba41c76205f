package io.cloudmq.dataplane.broker.processor;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudmq.dataplane.broker.metadata.SendKind;
import org.junit.jupiter.api.Test;

class SendKindsTest {

    @Test
    void thePreparedTransactionBitsMakeAHalfWhateverTheProperties() {
        assertThat(SendKinds.of(0x4, "DELAY\u00013\u0002")).isEqualTo(SendKind.HALF);
        assertThat(SendKinds.of(0x4 | 0x1, null)).isEqualTo(SendKind.HALF);
    }

    @Test
    void aPositiveDelayLevelMakesADelayedSend() {
        assertThat(SendKinds.of(0, "KEYS\u0001k\u0002DELAY\u00012\u0002")).isEqualTo(SendKind.DELAYED);
    }

    @Test
    void noLevelLevelZeroOrAnUnreadableLevelIsPlainAsIsACommitType() {
        assertThat(SendKinds.of(0, null)).isEqualTo(SendKind.PLAIN);
        assertThat(SendKinds.of(0, "DELAY\u00010\u0002")).isEqualTo(SendKind.PLAIN);
        assertThat(SendKinds.of(0, "DELAY\u0001x\u0002")).isEqualTo(SendKind.PLAIN);
        assertThat(SendKinds.of(0x8, "")).isEqualTo(SendKind.PLAIN);
    }
}
