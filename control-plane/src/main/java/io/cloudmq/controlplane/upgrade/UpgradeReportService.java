package io.cloudmq.controlplane.upgrade;

import io.cloudmq.api.upgrade.CanaryReportView;
import io.cloudmq.api.upgrade.NodeUpgradeReportView;
import io.cloudmq.api.upgrade.UpgradeReportView;
import io.cloudmq.api.upgrade.UpgradeWindowView;
import io.cloudmq.controlplane.shared.error.ResourceNotFoundException;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Builds the report of an upgrade window ({@link UpgradeReportView}, schema version
 * {@value UpgradeReportView#SCHEMA_VERSION}) from what the window stored: its progress rows (step times and
 * the nodes' serving records around their restarts), its pre-check, the producer-group tallies — plus the
 * canary's figures over the window ({@link ReportArithmetic#during}, {@link ReportArithmetic#before}).
 * Thread-safe (stateless; each report is read in one transaction).
 */
@Service
public class UpgradeReportService {
    private final UpgradeWindowRepository windows;
    private final UpgradeNodeProgressRepository progress;
    private final UpgradePreCheckService preChecks;
    private final ProducerGroupFailureService failures;
    private final ObjectProvider<CanaryFigures> canary;
    private final Clock clock;

    UpgradeReportService(UpgradeWindowRepository windows, UpgradeNodeProgressRepository progress,
            UpgradePreCheckService preChecks, ProducerGroupFailureService failures,
            ObjectProvider<CanaryFigures> canary, Clock clock) {
        this.windows = windows;
        this.progress = progress;
        this.preChecks = preChecks;
        this.failures = failures;
        this.canary = canary;
        this.clock = clock;
    }

    /** The report of a window in any state; 404 for a window not of this cluster. */
    @Transactional(readOnly = true)
    public UpgradeReportView report(String clusterId, UUID windowId) {
        UpgradeWindow window = windows.findByIdAndClusterId(windowId, clusterId)
                .orElseThrow(() -> ResourceNotFoundException.of("upgrade window", windowId.toString()));
        UpgradeWindowView view = window.toView();
        List<NodeUpgradeReportView> touched = progress.findByKeyWindowIdOrderByStartedAtAscKeyNodeIdAsc(windowId)
                .stream()
                .map(row -> row.toReport(view.targetVersion()))
                .toList();
        return new UpgradeReportView(UpgradeReportView.SCHEMA_VERSION, windowId, view.state(),
                view.targetVersion(), view.startedAt(), view.finishedAt(), window.pauseReason(),
                preChecks.stored(windowId).orElse(null), canaryFigures(view), touched,
                failures.counted(windowId, view.observedProducerGroups()));
    }

    private @Nullable CanaryReportView canaryFigures(UpgradeWindowView window) {
        CanaryFigures figures = canary.getIfAvailable();
        if (figures == null || window.startedAt() == null) {
            return null;
        }
        ReportArithmetic.Interval during =
                ReportArithmetic.during(window.startedAt(), window.finishedAt(), clock.instant());
        ReportArithmetic.Interval before = ReportArithmetic.before(during);
        return figures.over(window.cluster(), before.from(), during.from(), during.to()).orElse(null);
    }
}
