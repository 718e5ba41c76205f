package io.cloudmq.controlplane.insight;

import java.util.Map;

/**
 * One sample line of the Prometheus text format. Immutable.
 *
 * @param name metric name, e.g. {@code cloudmq_group_lag}
 * @param labels label name → unescaped value
 * @param value the sample value
 */
record MetricSample(String name, Map<String, String> labels, double value) {
    MetricSample {
        labels = Map.copyOf(labels);
    }

    String label(String labelName) {
        return labels.getOrDefault(labelName, "");
    }
}
