package io.cloudmq.controlplane.insight;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PrometheusTextTest {

    @Test
    void readsTheSamplesOfTheChosenMetricsWithUnescapedLabels() {
        String text = """
                # HELP cloudmq_group_lag Messages a consumer group has still to consume
                # TYPE cloudmq_group_lag gauge
                cloudmq_group_lag{group="ns%g",instance="ns"} 3.0
                cloudmq_group_lag_other{group="x"} 9.0
                cloudmq_topic_messages_in_total{instance="ns",topic="a\\"b\\\\c"} 12.0 1700000000000
                jvm_threads_live_threads 20.0
                cloudmq_node_up 1
                """;

        List<MetricSample> samples = PrometheusText.parse(text,
                Set.of("cloudmq_group_lag", "cloudmq_topic_messages_in_total", "cloudmq_node_up"));

        assertThat(samples).containsExactly(
                new MetricSample("cloudmq_group_lag", Map.of("group", "ns%g", "instance", "ns"), 3.0),
                new MetricSample("cloudmq_topic_messages_in_total", Map.of("instance", "ns", "topic", "a\"b\\c"), 12.0),
                new MetricSample("cloudmq_node_up", Map.of(), 1.0));
    }

    @Test
    void skipsLinesThatDoNotParse() {
        String text = """
                cloudmq_group_lag{group="unterminated} 3.0
                cloudmq_group_lag{group="g"} not-a-number
                cloudmq_group_lag{group="ok"} 1.5
                """;

        assertThat(PrometheusText.parse(text, Set.of("cloudmq_group_lag")))
                .containsExactly(new MetricSample("cloudmq_group_lag", Map.of("group", "ok"), 1.5));
    }
}
