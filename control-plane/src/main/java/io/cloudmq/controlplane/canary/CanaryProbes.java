package io.cloudmq.controlplane.canary;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * The canaries running on this replica, by cluster: written by {@link CanaryRunner}, read by
 * {@link CanaryService}. Thread-safe.
 */
@Component
class CanaryProbes {
    private final Map<String, CanaryProbe> running = new ConcurrentHashMap<>();

    Optional<CanaryProbe> of(String clusterId) {
        return Optional.ofNullable(running.get(clusterId));
    }

    void add(String clusterId, CanaryProbe probe) {
        running.put(clusterId, probe);
    }

    /** Every running probe. */
    List<CanaryProbe> all() {
        return List.copyOf(running.values());
    }

    /** Removes and returns every probe. */
    List<CanaryProbe> removeAll() {
        List<CanaryProbe> removed = List.copyOf(running.values());
        running.clear();
        return removed;
    }
}
