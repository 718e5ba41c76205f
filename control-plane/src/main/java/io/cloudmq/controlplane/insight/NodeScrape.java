package io.cloudmq.controlplane.insight;

import java.util.List;

/**
 * The samples one node's metrics answered in one scrape. Immutable.
 *
 * @param nodeId the node scraped
 * @param samples its samples of {@link MetricsHistory#METRICS}
 */
record NodeScrape(String nodeId, List<MetricSample> samples) {
    NodeScrape {
        samples = List.copyOf(samples);
    }
}
