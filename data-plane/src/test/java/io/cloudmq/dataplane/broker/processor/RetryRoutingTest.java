package io.cloudmq.dataplane.broker.processor;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudmq.api.node.DesiredGroup;
import io.cloudmq.api.node.DesiredState;
import io.cloudmq.dataplane.broker.metadata.GroupTable;
import io.cloudmq.dataplane.store.commitlog.IncomingMessage;
import io.cloudmq.dataplane.store.commitlog.MessageProperties;
import io.cloudmq.dataplane.store.commitlog.TestMessages;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RetryRoutingTest {
    private final GroupTable groups = new GroupTable();
    private final RetryRouting routing = new RetryRouting(groups);

    RetryRoutingTest() {
        groups.apply(new DesiredState(1, List.of(), List.of(new DesiredGroup("G", 2, false, false))));
    }

    private static IncomingMessage failed(String topic, int reconsumeTimes, String extraProperties) {
        IncomingMessage plain = TestMessages.message(topic, 3, "tagA", "k1", "U1", 20, 1);
        return new IncomingMessage(topic, 3, 7, plain.body(), plain.properties() + extraProperties, 0,
                plain.bornTimestamp(), plain.bornHost(), reconsumeTimes, 0);
    }

    private static Map<String, String> properties(IncomingMessage message) {
        return MessageProperties.parse(message.properties());
    }

    @Test
    void aFirstFailureGoesToTheRetryTopicAtLevelThreeKeepingIdAndOrigin() {
        IncomingMessage copy = routing.sendBack(failed("T", 0, ""), "G", 0, "OFFSET-ID", 16);

        assertThat(copy.topic()).isEqualTo("%RETRY%G");
        assertThat(copy.queueId()).isZero();
        assertThat(copy.reconsumeTimes()).isEqualTo(1);
        assertThat(copy.flag()).isEqualTo(7);
        assertThat(properties(copy)).containsEntry("DELAY", "3").containsEntry("RETRY_TOPIC", "T")
                .containsEntry("ORIGIN_MESSAGE_ID", "OFFSET-ID").containsEntry("UNIQ_KEY", "U1").containsEntry("KEYS", "k1");
    }

    @Test
    void laterFailuresKeepTheFirstTopicAndOriginAndDelayLonger() {
        IncomingMessage copy = routing.sendBack(
                failed("%RETRY%G", 1, "RETRY_TOPIC\u0001T\u0002ORIGIN_MESSAGE_ID\u0001FIRST\u0002"), "G", 0, "SECOND", 16);

        assertThat(properties(copy)).containsEntry("DELAY", "4").containsEntry("RETRY_TOPIC", "T")
                .containsEntry("ORIGIN_MESSAGE_ID", "FIRST");
        assertThat(copy.reconsumeTimes()).isEqualTo(2);
    }

    @Test
    void theLevelTheListenerAskedForWins() {
        assertThat(properties(routing.sendBack(failed("T", 0, ""), "G", 1, "ID", 16))).containsEntry("DELAY", "1");
    }

    @Test
    void theGroupsMaximumWinsOverTheClientsAndThenTheMessageIsDead() {
        IncomingMessage copy = routing.sendBack(failed("%RETRY%G", 2, "DELAY\u00014\u0002"), "G", 0, "ID", 16);

        assertThat(copy.topic()).isEqualTo("%DLQ%G");
        assertThat(properties(copy)).doesNotContainKey("DELAY").containsEntry("UNIQ_KEY", "U1");
        assertThat(copy.reconsumeTimes()).isEqualTo(3);
    }

    @Test
    void aNegativeLevelSendsStraightToTheDeadLetters() {
        assertThat(routing.sendBack(failed("T", 0, ""), "G", -1, "ID", 16).topic()).isEqualTo("%DLQ%G");
    }

    @Test
    void theClientsMaximumAppliesToAnUnknownGroup() {
        assertThat(routing.maxRetries("other", 5)).isEqualTo(5);
        assertThat(routing.maxRetries("other", null)).isEqualTo(16);
        assertThat(routing.maxRetries("G", 5)).isEqualTo(2);
    }

    @Test
    void theClientsOwnResendPastTheMaximumGoesToTheDeadLetters() {
        IncomingMessage within = failed("%RETRY%G", 2, "DELAY\u00014\u0002");
        IncomingMessage past = failed("%RETRY%G", 3, "DELAY\u00015\u0002");

        assertThat(routing.routeClientRetry(within)).isSameAs(within);
        IncomingMessage dead = routing.routeClientRetry(past);
        assertThat(dead.topic()).isEqualTo("%DLQ%G");
        assertThat(properties(dead)).doesNotContainKey("DELAY");
        assertThat(routing.routeClientRetry(failed("T", 9, ""))).extracting(IncomingMessage::topic).isEqualTo("T");
    }
}
