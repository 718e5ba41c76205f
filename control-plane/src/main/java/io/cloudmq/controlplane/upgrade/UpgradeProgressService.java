package io.cloudmq.controlplane.upgrade;

import io.cloudmq.api.upgrade.UpgradeNodePhase;
import io.cloudmq.api.upgrade.UpgradeProgressView;
import io.cloudmq.api.upgrade.UpgradeWindowView;
import io.cloudmq.controlplane.shared.error.ResourceNotFoundException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The per-node progress of upgrade windows: read by the API and the planner, written by the orchestrator. */
@Service
public class UpgradeProgressService {
    private final UpgradeWindowRepository windows;
    private final UpgradeNodeProgressRepository progress;

    UpgradeProgressService(UpgradeWindowRepository windows, UpgradeNodeProgressRepository progress) {
        this.windows = windows;
        this.progress = progress;
    }

    /** The window's state, pause reason and per-node progress; 404 for a window not of this cluster. */
    @Transactional(readOnly = true)
    public UpgradeProgressView progress(String clusterId, UUID windowId) {
        UpgradeWindow window = windows.findByIdAndClusterId(windowId, clusterId)
                .orElseThrow(() -> ResourceNotFoundException.of("upgrade window", windowId.toString()));
        UpgradeWindowView view = window.toView();
        return new UpgradeProgressView(windowId, view.state(), view.targetVersion(), window.pauseReason(),
                progress.findByKeyWindowIdOrderByStartedAtAscKeyNodeIdAsc(windowId).stream()
                        .map(UpgradeNodeProgress::toView)
                        .toList());
    }

    /** The planner's input: every touched node's step by node id. */
    @Transactional(readOnly = true)
    Map<String, NodeStep> steps(UUID windowId) {
        Map<String, NodeStep> steps = new LinkedHashMap<>();
        progress.findByKeyWindowIdOrderByStartedAtAscKeyNodeIdAsc(windowId)
                .forEach(row -> steps.put(row.toStep().nodeId(), row.toStep()));
        return steps;
    }

    /** Records that {@code nodeId} completed {@code phase} at {@code now}. */
    @Transactional
    void reach(UUID windowId, String nodeId, UpgradeNodePhase phase, Instant now, String detail) {
        UpgradeNodeProgress row = progress.findById(new UpgradeNodeProgressKey(windowId, nodeId))
                .orElseGet(() -> new UpgradeNodeProgress(windowId, nodeId, now));
        row.reach(phase, now, detail);
        progress.save(row);
    }

    /** Records the stop of {@code nodeId} (already touched by the window); the first record wins. */
    @Transactional
    void stopped(UUID windowId, String nodeId, NodeStop stop) {
        progress.findById(new UpgradeNodeProgressKey(windowId, nodeId)).ifPresent(row -> row.stopped(stop));
    }

    /** Whether the stop of {@code nodeId} is recorded already (a master's, at its drain). */
    @Transactional(readOnly = true)
    boolean stopRecorded(UUID windowId, String nodeId) {
        return progress.findById(new UpgradeNodeProgressKey(windowId, nodeId))
                .map(UpgradeNodeProgress::hasStop).orElse(false);
    }

    /** Records the first request {@code nodeId} served after its restart. */
    @Transactional
    void served(UUID windowId, String nodeId, Instant firstServed) {
        progress.findById(new UpgradeNodeProgressKey(windowId, nodeId)).ifPresent(row -> row.served(firstServed));
    }

    /** Keeps what a gate still waits for on {@code nodeId}, without moving its phase. */
    @Transactional
    void note(UUID windowId, String nodeId, String detail) {
        progress.findById(new UpgradeNodeProgressKey(windowId, nodeId)).ifPresent(row -> row.note(detail));
    }
}
