package io.cloudmq.dataplane.broker.processor;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

class InstanceLabelTest {

    @Test
    void theInstanceIsTheNamespaceAlsoInsideRetryAndDeadLetterNames() {
        assertThat(InstanceLabel.of("MQ_INST_1%orders")).isEqualTo("MQ_INST_1");
        assertThat(InstanceLabel.of("%RETRY%MQ_INST_1%billing")).isEqualTo("MQ_INST_1");
        assertThat(InstanceLabel.of("%DLQ%MQ_INST_1%billing")).isEqualTo("MQ_INST_1");
    }

    @Test
    void systemAndUnnamespacedNamesHaveAnEmptyInstance() {
        assertThat(InstanceLabel.of("TBW102")).isEmpty();
        assertThat(InstanceLabel.of("%RETRY%billing")).isEmpty();
        assertThat(InstanceLabel.of("%orders")).isEmpty();
    }

    @Test
    void theCountingQuotaAdmitsAndCountsMessagesPerInstance() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        CountingSendQuota quota = new CountingSendQuota(registry);

        assertThat(quota.admit("a", 3)).isTrue();
        assertThat(quota.admit("a", 2)).isTrue();
        assertThat(quota.admit("b", 1)).isTrue();

        assertThat(registry.get("cloudmq.instance.send.messages").tag("instance", "a").counter().count()).isEqualTo(5);
        assertThat(registry.get("cloudmq.instance.send.messages").tag("instance", "b").counter().count()).isEqualTo(1);
    }
}
