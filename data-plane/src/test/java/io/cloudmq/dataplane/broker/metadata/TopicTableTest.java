package io.cloudmq.dataplane.broker.metadata;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudmq.api.node.DesiredGroup;
import io.cloudmq.api.node.DesiredState;
import io.cloudmq.api.node.DesiredTopic;
import io.cloudmq.dataplane.remoting.protocol.body.TopicConfig;
import java.util.List;
import org.junit.jupiter.api.Test;

class TopicTableTest {
    private final TopicTable table = new TopicTable();

    private static DesiredState state(long generation, List<DesiredTopic> topics, List<DesiredGroup> groups) {
        return new DesiredState(generation, topics, groups);
    }

    @Test
    void servesDesiredTopicsAndARetryAndADeadLetterTopicPerGroup() {
        boolean changed = table.apply(state(1, List.of(new DesiredTopic("ns%orders", 8, 6, "NORMAL", 1024)),
                List.of(new DesiredGroup("ns%billing", 16, false, false))));

        assertThat(changed).isTrue();
        assertThat(table.find("ns%orders")).hasValueSatisfying(topic -> {
            assertThat(topic.config().writeQueueNums()).isEqualTo(8);
            assertThat(topic.maxMessageSize()).isEqualTo(1024);
            assertThat(topic.writable()).isTrue();
        });
        assertThat(table.find("%RETRY%ns%billing")).hasValueSatisfying(
                topic -> assertThat(topic.config().readQueueNums()).isEqualTo(1));
        assertThat(table.registrationTable()).extracting(TopicConfig::topicName)
                .containsExactlyInAnyOrder("ns%orders", "%RETRY%ns%billing", "%DLQ%ns%billing");
    }

    @Test
    void theSameStateAgainIsNoChange() {
        DesiredState state = state(1, List.of(new DesiredTopic("t", 4, 6, "NORMAL", 1024)), List.of());
        table.apply(state);

        assertThat(table.apply(state(2, state.topics(), state.groups()))).isFalse();
    }

    @Test
    void adminCodesChangeTheLocalTableUntilTheNextDesiredState() {
        DesiredState state = state(1, List.of(new DesiredTopic("t", 4, 6, "NORMAL", 1024)), List.of());
        table.apply(state);

        assertThat(table.createOrUpdate(TopicConfig.of("tool-topic", 2, 6))).isTrue();
        assertThat(table.delete("t")).isTrue();
        assertThat(table.find("t")).isEmpty();
        assertThat(table.find("tool-topic")).isPresent();

        table.apply(state(2, state.topics(), List.of()));

        assertThat(table.find("t")).isPresent();
        assertThat(table.find("tool-topic")).isPresent();
        assertThat(table.delete("tool-topic")).isTrue();
        assertThat(table.delete("tool-topic")).isFalse();
    }

    @Test
    void foldsAQueueIdBeyondTheWriteQueuesOntoThem() {
        table.apply(state(1, List.of(new DesiredTopic("t", 4, 6, "NORMAL", 1024)), List.of()));

        assertThat(table.find("t").orElseThrow().validWriteQueue(6)).isEqualTo(2);
        assertThat(table.find("t").orElseThrow().validWriteQueue(-1)).isEqualTo(3);
    }
}
