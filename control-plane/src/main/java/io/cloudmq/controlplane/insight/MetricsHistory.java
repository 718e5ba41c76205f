package io.cloudmq.controlplane.insight;

import io.cloudmq.api.metrics.MetricPoint;
import io.cloudmq.api.metrics.MetricSeriesView;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The last hour (configurable) of every topic's send and receive rate and every group's lag, keyed by wire
 * name, one point per scrape, in bounded rings ({@link SeriesRing}). Rates derive from the brokers' counters
 * ({@code cloudmq_topic_messages_in_total}, {@code cloudmq_topic_messages_out_total}): per node and series,
 * the increase since that node's previous scrape divided by the time between them (a counter that went down,
 * a restarted node, counts from zero); the first scrape of a series gives 0. Lag is Σ
 * {@code cloudmq_group_lag} over the nodes. Each control-plane replica keeps its own history.
 *
 * <p>Thread-safe: every method is {@code synchronized} (one scrape every few seconds, reads are short).
 */
@Component
class MetricsHistory {
    static final String MESSAGES_IN = "cloudmq_topic_messages_in_total";
    static final String MESSAGES_OUT = "cloudmq_topic_messages_out_total";
    static final String GROUP_LAG = "cloudmq_group_lag";
    static final Set<String> METRICS = Set.of(MESSAGES_IN, MESSAGES_OUT, GROUP_LAG);
    static final String SEND_TPS = "sendTps";
    static final String RECEIVE_TPS = "receiveTps";
    static final String LAG = "lag";

    /** A counter's value at a scrape. */
    private record Reading(Instant at, double value) {}

    private final int intervalSeconds;
    private final int capacity;
    private final Duration retention;
    private final Map<String, SeriesRing> topics = new HashMap<>();
    private final Map<String, SeriesRing> groups = new HashMap<>();
    private final Map<String, Reading> previous = new HashMap<>();
    private Map<String, Double> nodeSendTps = Map.of();

    MetricsHistory(MetricsHistoryProperties properties) {
        this.intervalSeconds = (int) Math.max(1, properties.scrapeInterval().toSeconds());
        this.capacity = properties.capacity();
        this.retention = properties.retention();
    }

    /** Adds the point of a scrape finished at {@code at}: one per topic and group that any node reported. */
    synchronized void record(Instant at, List<NodeScrape> scrapes) {
        Map<String, Double> sendTps = new HashMap<>();
        Map<String, Double> receiveTps = new HashMap<>();
        Map<String, Double> lag = new HashMap<>();
        Map<String, Double> byNode = new HashMap<>();
        for (NodeScrape scrape : scrapes) {
            byNode.put(scrape.nodeId(), 0.0);
            for (MetricSample sample : scrape.samples()) {
                switch (sample.name()) {
                    case MESSAGES_IN -> {
                        double rate = rate(scrape.nodeId(), sample, at);
                        sendTps.merge(sample.label("topic"), rate, Double::sum);
                        byNode.merge(scrape.nodeId(), rate, Double::sum);
                    }
                    case MESSAGES_OUT -> receiveTps.merge(sample.label("topic"), rate(scrape.nodeId(), sample, at), Double::sum);
                    case GROUP_LAG -> lag.merge(sample.label("group"), sample.value(), Double::sum);
                    default -> { }
                }
            }
        }
        Set<String> topicNames = new HashSet<>(sendTps.keySet());
        topicNames.addAll(receiveTps.keySet());
        for (String topic : topicNames) {
            ring(topics, topic).add(new MetricPoint(at, Map.of(SEND_TPS, sendTps.getOrDefault(topic, 0.0),
                    RECEIVE_TPS, receiveTps.getOrDefault(topic, 0.0))));
        }
        lag.forEach((group, value) -> ring(groups, group).add(new MetricPoint(at, Map.of(LAG, value))));
        nodeSendTps = Map.copyOf(byNode);
        forgetOlderThan(at.minus(retention));
    }

    synchronized MetricSeriesView topic(String wireTopic) {
        return series(topics.get(wireTopic));
    }

    synchronized MetricSeriesView group(String wireGroup) {
        return series(groups.get(wireGroup));
    }

    /** The topic's latest rates, if it was scraped. */
    synchronized Optional<MetricPoint> latestTopic(String wireTopic) {
        SeriesRing ring = topics.get(wireTopic);
        return ring == null ? Optional.empty() : ring.latest();
    }

    /** Messages stored per second on each node that answered the latest scrape (all topics). */
    synchronized Map<String, Double> latestNodeSendTps() {
        return nodeSendTps;
    }

    private double rate(String nodeId, MetricSample sample, Instant at) {
        String key = nodeId + '\n' + sample.name() + '\n' + sample.label("topic") + '\n' + sample.label("group");
        Reading last = previous.put(key, new Reading(at, sample.value()));
        if (last == null) {
            return 0;
        }
        double seconds = Duration.between(last.at(), at).toMillis() / 1000.0;
        double increase = sample.value() >= last.value() ? sample.value() - last.value() : sample.value();
        return seconds <= 0 ? 0 : increase / seconds;
    }

    private SeriesRing ring(Map<String, SeriesRing> rings, String name) {
        return rings.computeIfAbsent(name, ignored -> new SeriesRing(capacity));
    }

    private MetricSeriesView series(@Nullable SeriesRing ring) {
        return new MetricSeriesView(intervalSeconds, ring == null ? List.of() : ring.points());
    }

    private void forgetOlderThan(Instant limit) {
        previous.values().removeIf(reading -> reading.at().isBefore(limit));
        for (Map<String, SeriesRing> rings : List.of(topics, groups)) {
            rings.values().removeIf(ring -> ring.latest().map(point -> point.at().isBefore(limit)).orElse(true));
        }
    }
}
