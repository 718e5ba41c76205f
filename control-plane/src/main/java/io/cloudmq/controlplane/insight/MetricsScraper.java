package io.cloudmq.controlplane.insight;

import io.cloudmq.api.node.NodeView;
import io.cloudmq.controlplane.cluster.ClusterProperties;
import io.cloudmq.controlplane.node.NodeAdminClient;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Every {@code cloudmq.metrics.scrape-interval} (10 s), reads the metrics of every reading broker of the cluster
 * ({@link BrokerReaders}) and records them in the {@link MetricsHistory}. Runs on every control-plane replica
 * (not a singleton: each keeps its own history). A node that does not answer is left out of that scrape.
 * Called by the scheduler thread only.
 */
@Component
class MetricsScraper {
    private static final Logger log = LoggerFactory.getLogger(MetricsScraper.class);

    private final BrokerReaders readers;
    private final NodeAdminClient admin;
    private final MetricsHistory history;
    private final String clusterId;
    private final Clock clock;

    MetricsScraper(BrokerReaders readers, NodeAdminClient admin, MetricsHistory history, ClusterProperties cluster,
            Clock clock) {
        this.readers = readers;
        this.admin = admin;
        this.history = history;
        this.clusterId = cluster.id();
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${cloudmq.metrics.scrape-interval:10s}")
    void scrape() {
        try {
            List<NodeScrape> scrapes = new ArrayList<>();
            for (NodeView node : readers.of(clusterId)) {
                admin.metrics(node.adminUrl()).ifPresent(text -> scrapes.add(
                        new NodeScrape(node.nodeId(), PrometheusText.parse(text, MetricsHistory.METRICS))));
            }
            history.record(clock.instant(), scrapes);
        } catch (RuntimeException e) {
            log.warn("Metrics scrape failed: {}", e.toString());
        }
    }
}
