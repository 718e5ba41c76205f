package io.cloudmq.controlplane.insight;

import io.cloudmq.api.metrics.MetricPoint;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Optional;

/**
 * The latest points of one series, oldest first, at most {@code capacity}: adding to a full ring drops the
 * oldest. Not thread-safe: {@link MetricsHistory} guards it.
 */
final class SeriesRing {
    private final int capacity;
    private final ArrayDeque<MetricPoint> points;

    SeriesRing(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity " + capacity);
        }
        this.capacity = capacity;
        this.points = new ArrayDeque<>(capacity);
    }

    void add(MetricPoint point) {
        if (points.size() == capacity) {
            points.removeFirst();
        }
        points.addLast(point);
    }

    List<MetricPoint> points() {
        return List.copyOf(points);
    }

    Optional<MetricPoint> latest() {
        return Optional.ofNullable(points.peekLast());
    }
}
