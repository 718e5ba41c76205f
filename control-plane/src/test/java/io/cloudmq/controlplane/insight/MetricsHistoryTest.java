package io.cloudmq.controlplane.insight;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudmq.api.metrics.MetricPoint;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MetricsHistoryTest {
    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
    private static final String TOPIC = "ns%orders";
    private static final String GROUP = "ns%billing";

    private final MetricsHistory history = new MetricsHistory(
            new MetricsHistoryProperties(Duration.ofSeconds(10), Duration.ofSeconds(30)));

    private static MetricSample in(double value) {
        return new MetricSample(MetricsHistory.MESSAGES_IN, Map.of("instance", "ns", "topic", TOPIC), value);
    }

    private static MetricSample out(String group, double value) {
        return new MetricSample(MetricsHistory.MESSAGES_OUT, Map.of("instance", "ns", "topic", TOPIC, "group", group),
                value);
    }

    private static MetricSample lag(double value) {
        return new MetricSample(MetricsHistory.GROUP_LAG, Map.of("instance", "ns", "group", GROUP), value);
    }

    private void record(int secondsAfterStart, NodeScrape... scrapes) {
        history.record(START.plusSeconds(secondsAfterStart), List.of(scrapes));
    }

    @Test
    void ratesAreCounterIncreasesPerSecondSummedOverNodesAndGroups() {
        record(0, new NodeScrape("a", List.of(in(10), out("g1", 0), out("g2", 0))), new NodeScrape("b", List.of(in(0))));
        record(10, new NodeScrape("a", List.of(in(30), out("g1", 5), out("g2", 10))), new NodeScrape("b", List.of(in(10))));

        assertThat(history.topic(TOPIC).points()).extracting(MetricPoint::values).containsExactly(
                Map.of(MetricsHistory.SEND_TPS, 0.0, MetricsHistory.RECEIVE_TPS, 0.0),
                Map.of(MetricsHistory.SEND_TPS, 3.0, MetricsHistory.RECEIVE_TPS, 1.5));
        assertThat(history.latestTopic(TOPIC)).map(MetricPoint::at).hasValue(START.plusSeconds(10));
        assertThat(history.latestNodeSendTps()).containsExactlyInAnyOrderEntriesOf(Map.of("a", 2.0, "b", 1.0));
    }

    @Test
    void aNodeMissingFromTheLatestScrapeHasNoSendRate() {
        record(0, new NodeScrape("a", List.of(in(10))), new NodeScrape("b", List.of(in(0))));
        record(10, new NodeScrape("a", List.of(in(20))));

        assertThat(history.latestNodeSendTps()).containsExactly(Map.entry("a", 1.0));
    }

    @Test
    void aCounterThatWentDownCountsFromZero() {
        record(0, new NodeScrape("a", List.of(in(100))));
        record(10, new NodeScrape("a", List.of(in(20))));

        assertThat(history.latestTopic(TOPIC)).map(point -> point.values().get(MetricsHistory.SEND_TPS)).hasValue(2.0);
    }

    @Test
    void lagIsSummedOverNodesAndKeptInABoundedRing() {
        for (int i = 0; i < 5; i++) {
            record(i * 10, new NodeScrape("a", List.of(lag(i))), new NodeScrape("b", List.of(lag(100))));
        }

        assertThat(history.group(GROUP).intervalSeconds()).isEqualTo(10);
        assertThat(history.group(GROUP).points()).extracting(point -> point.values().get(MetricsHistory.LAG))
                .containsExactly(102.0, 103.0, 104.0);
    }

    @Test
    void seriesNotReportedForLongerThanTheRetentionAreForgotten() {
        record(0, new NodeScrape("a", List.of(in(1), lag(4))));
        record(40, new NodeScrape("a", List.of()));

        assertThat(history.topic(TOPIC).points()).isEmpty();
        assertThat(history.group(GROUP).points()).isEmpty();
        assertThat(history.latestTopic(TOPIC)).isEmpty();
    }
}
