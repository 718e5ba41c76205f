package io.cloudmq.controlplane.upgrade;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import io.cloudmq.api.upgrade.ObservedProducerGroup;
import org.junit.jupiter.api.Test;

class FailedSendCountersTest {
    private static final String INSTANCE = "MQ_INST_000000000001_abcdefgh";

    @Test
    void readsTheFailedSendCounterOfEveryProducerGroupAndIgnoresOtherMeters() {
        String metrics = """
                # HELP cloudmq_broker_failed_sends_total Send requests answered with a code other than SUCCESS
                # TYPE cloudmq_broker_failed_sends_total counter
                cloudmq_broker_failed_sends_total{instance="%1$s",producer_group="pg-orders"} 3.0
                cloudmq_broker_failed_sends_total{producer_group="pg-audit",instance="%1$s"} 1.0
                cloudmq_broker_sends_total{code="0",instance="%1$s"} 250.0
                """.formatted(INSTANCE);

        assertThat(FailedSendCounters.parse(metrics)).containsOnly(
                entry(new ObservedProducerGroup(INSTANCE, "pg-orders"), 3L),
                entry(new ObservedProducerGroup(INSTANCE, "pg-audit"), 1L));
    }

    @Test
    void aBrokerWithoutFailedSendsHasNoCounters() {
        assertThat(FailedSendCounters.parse("cloudmq_node_info{node_id=\"broker-a-0\"} 1.0\n")).isEmpty();
    }
}
