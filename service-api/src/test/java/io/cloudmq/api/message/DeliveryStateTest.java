package io.cloudmq.api.message;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DeliveryStateTest {

    @Test
    void consumedOnlyWhenTheCommittedOffsetIsPastTheMessage() {
        assertThat(DeliveryState.of(6, 5)).isEqualTo(DeliveryState.CONSUMED);
        assertThat(DeliveryState.of(5, 5)).isEqualTo(DeliveryState.NOT_CONSUMED);
        assertThat(DeliveryState.of(-1, 0)).isEqualTo(DeliveryState.NOT_CONSUMED);
    }
}
