package io.cloudmq.dataplane.broker.processor;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudmq.dataplane.remoting.protocol.ResponseCode;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class BrokerFailedSendsMeterTest {
    private static final String INSTANCE = "MQ_INST_000000000001_abcdefgh";

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final BrokerMetrics metrics = new BrokerMetrics(registry);

    @Test
    void countsSendsAnsweredWithAnErrorCodeByTheTenantNameOfTheirProducerGroup() {
        metrics.rejectedSend(INSTANCE + "%orders", INSTANCE + "%pg-orders", ResponseCode.NO_PERMISSION);
        metrics.sent(INSTANCE + "%orders", INSTANCE + "%pg-orders", ResponseCode.SLAVE_NOT_AVAILABLE, 1, 10,
                Duration.ZERO);

        assertThat(failed(INSTANCE, "pg-orders")).isEqualTo(2.0);
    }

    @Test
    void neverCountsASuccessfulSendAsFailed() {
        metrics.sent(INSTANCE + "%orders", INSTANCE + "%pg-orders", ResponseCode.SUCCESS, 1, 10, Duration.ZERO);

        assertThat(registry.find("cloudmq.broker.failed.sends").counters()).isEmpty();
    }

    @Test
    void keepsAnUnnamespacedProducerGroupAsItIs() {
        metrics.rejectedSend("plain", "pg-plain", ResponseCode.TOPIC_NOT_EXIST);

        assertThat(failed("", "pg-plain")).isEqualTo(1.0);
    }

    private double failed(String instance, String group) {
        Counter counter = registry.find("cloudmq.broker.failed.sends")
                .tag("instance", instance).tag("producer_group", group).counter();
        return counter == null ? 0 : counter.count();
    }
}
