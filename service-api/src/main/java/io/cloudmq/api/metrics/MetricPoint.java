package io.cloudmq.api.metrics;

import java.time.Instant;
import java.util.Map;

/**
 * The values of one scrape.
 *
 * @param at when the scrape finished
 * @param values by name, e.g. {@code sendTps} and {@code receiveTps}, or {@code lag}
 */
public record MetricPoint(Instant at, Map<String, Double> values) {
    public MetricPoint {
        values = Map.copyOf(values);
    }
}
