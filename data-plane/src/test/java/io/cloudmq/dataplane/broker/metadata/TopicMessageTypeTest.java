package io.cloudmq.dataplane.broker.metadata;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TopicMessageTypeTest {

    @ParameterizedTest(name = "{0} accepts {1}: {2}")
    @CsvSource({
        "NORMAL, PLAIN, true", "NORMAL, DELAYED, false", "NORMAL, HALF, false",
        "FIFO, PLAIN, true", "FIFO, DELAYED, false", "FIFO, HALF, false",
        "DELAY, PLAIN, true", "DELAY, DELAYED, true", "DELAY, HALF, false",
        "TRANSACTION, PLAIN, false", "TRANSACTION, DELAYED, false", "TRANSACTION, HALF, true",
        "RETRY, PLAIN, false", "RETRY, DELAYED, true", "RETRY, HALF, false",
        "UNSPECIFIED, PLAIN, true", "UNSPECIFIED, DELAYED, true", "UNSPECIFIED, HALF, true"})
    void eachTypeAcceptsExactlyItsKindsOfSend(TopicMessageType type, SendKind kind, boolean accepted) {
        assertThat(type.accepts(kind)).isEqualTo(accepted);
    }

    @ParameterizedTest
    @CsvSource({"NORMAL, NORMAL", "delay, DELAY", "Transaction, TRANSACTION", "FIFO, FIFO", "BATCH, UNSPECIFIED"})
    void theDesiredStatesNameMapsToTheTypeAndAnUnknownNameChecksNothing(String name, TopicMessageType type) {
        assertThat(TopicMessageType.of(name)).isEqualTo(type);
    }
}
