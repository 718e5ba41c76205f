package io.cloudmq.controlplane.insight;

import java.util.Map;
import org.springframework.stereotype.Service;

/**
 * The send rates other features may read from this replica's metrics history, e.g. the upgrade pre-check's
 * send headroom. Thread-safe.
 */
@Service
public class SendRates {
    private final MetricsHistory history;

    SendRates(MetricsHistory history) {
        this.history = history;
    }

    /**
     * Messages stored per second on each node, by node id, over the latest scrape interval; a node missing from
     * the latest scrape is absent.
     */
    public Map<String, Double> latestByNode() {
        return history.latestNodeSendTps();
    }
}
