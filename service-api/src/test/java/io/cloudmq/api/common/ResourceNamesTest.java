package io.cloudmq.api.common;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ResourceNamesTest {
    @ParameterizedTest
    @ValueSource(strings = {"orders", "a", "Order_Events-2", "TBW1020"})
    void acceptsOrdinaryNames(String name) {
        assertThat(ResourceNames.violation(ResourceNames.Kind.TOPIC, name)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"TBW102", "SCHEDULE_TOPIC_XXXX", "RMQ_SYS_TRANS_HALF_TOPIC", "rmq_sys_a", "%RETRY%g", "%DLQ%g",
            "TRANS_CHECK_MAX_TIME_TOPIC", "app_REPLY_TOPIC"})
    void refusesReservedTopicNames(String name) {
        assertThat(ResourceNames.violation(ResourceNames.Kind.TOPIC, name)).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"CLIENT_INNER_PRODUCER", "TOOLS_CONSUMER", "DEFAULT_CONSUMER", "CID_RMQ_SYS_X"})
    void refusesReservedGroupNames(String name) {
        assertThat(ResourceNames.violation(ResourceNames.Kind.CONSUMER_GROUP, name)).isPresent();
    }

    @Test
    void groupNamesMayUseTopicOnlyReservations() {
        assertThat(ResourceNames.violation(ResourceNames.Kind.CONSUMER_GROUP, "TBW102")).isEmpty();
    }

    @Test
    void limitsLengthAndCharacters() {
        assertThat(ResourceNames.violation(ResourceNames.Kind.TOPIC, "x".repeat(64))).isEmpty();
        assertThat(ResourceNames.violation(ResourceNames.Kind.TOPIC, "x".repeat(65))).isPresent();
        assertThat(ResourceNames.violation(ResourceNames.Kind.TOPIC, "")).isPresent();
        assertThat(ResourceNames.violation(ResourceNames.Kind.TOPIC, "a%b")).isPresent();
        assertThat(ResourceNames.violation(ResourceNames.Kind.TOPIC, "a.b")).isPresent();
    }
}
