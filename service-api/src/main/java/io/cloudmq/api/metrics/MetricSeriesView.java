package io.cloudmq.api.metrics;

import java.util.List;

/**
 * A short history of a topic's rates ({@code sendTps}, {@code receiveTps}) or a group's {@code lag}.
 *
 * @param intervalSeconds seconds between two scrapes
 * @param points oldest first, at most one hour of them
 */
public record MetricSeriesView(int intervalSeconds, List<MetricPoint> points) {
    public MetricSeriesView {
        points = List.copyOf(points);
    }
}
