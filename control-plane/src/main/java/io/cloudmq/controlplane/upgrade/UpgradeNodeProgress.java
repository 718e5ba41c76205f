package io.cloudmq.controlplane.upgrade;

import io.cloudmq.api.upgrade.NodeUpgradeProgressView;
import io.cloudmq.api.upgrade.NodeUpgradeReportView;
import io.cloudmq.api.upgrade.UpgradeNodePhase;
import jakarta.persistence.Column;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Row of {@code upgrade_node_progress}: the last step a window completed on one node, and what the node's
 * serving record said around its restart (for the report). Not thread-safe.
 */
@Entity
@Table(name = "upgrade_node_progress")
class UpgradeNodeProgress {
    @EmbeddedId
    private UpgradeNodeProgressKey key = new UpgradeNodeProgressKey(new UUID(0, 0), "");

    @Enumerated(EnumType.STRING)
    private UpgradeNodePhase phase = UpgradeNodePhase.FENCED;

    @Column(name = "started_at")
    private Instant startedAt = Instant.EPOCH;

    @Column(name = "phase_started_at")
    private Instant phaseStartedAt = Instant.EPOCH;

    @Column(name = "finished_at")
    private @Nullable Instant finishedAt;

    private String detail = "";

    @Column(name = "broker_name")
    private @Nullable String brokerName;

    @Column(name = "from_version")
    private @Nullable String fromVersion;

    @Column(name = "last_served_at")
    private @Nullable Instant lastServedAt;

    @Column(name = "first_served_at")
    private @Nullable Instant firstServedAt;

    @Column(name = "write_fenced_millis")
    private @Nullable Long writeFencedMillis;

    protected UpgradeNodeProgress() {}

    UpgradeNodeProgress(UUID windowId, String nodeId, Instant now) {
        this.key = new UpgradeNodeProgressKey(windowId, nodeId);
        this.startedAt = now;
    }

    /** Records that {@code reached} is completed at {@code now}; {@link UpgradeNodePhase#DONE} finishes the node. */
    void reach(UpgradeNodePhase reached, Instant now, String what) {
        phase = reached;
        phaseStartedAt = now;
        detail = what;
        if (reached == UpgradeNodePhase.DONE) {
            finishedAt = now;
        }
    }

    /** What a gate still waits for, kept without moving the phase. */
    void note(String what) {
        detail = what;
    }

    /**
     * Records the node's stop: its broker group, the version it ran, the last request it served and how long
     * its writes were fenced. Kept from the first stop (a resumed window does not overwrite it).
     */
    void stopped(NodeStop stop) {
        if (lastServedAt == null) {
            brokerName = stop.brokerName();
            fromVersion = stop.version();
            lastServedAt = stop.lastServed();
            writeFencedMillis = stop.fencedMillis();
        }
    }

    boolean hasStop() {
        return lastServedAt != null;
    }

    /** Records the first request the restarted node served. */
    void served(Instant firstServed) {
        firstServedAt = firstServed;
    }

    String nodeId() {
        return key.nodeId();
    }

    NodeStep toStep() {
        return new NodeStep(key.nodeId(), phase, phaseStartedAt, finishedAt);
    }

    /** The node's line in the window's report; {@code toVersion} once it is done. */
    NodeUpgradeReportView toReport(String targetVersion) {
        return new NodeUpgradeReportView(key.nodeId(), brokerName, fromVersion,
                finishedAt == null ? null : targetVersion, startedAt, finishedAt,
                ReportArithmetic.millisBetween(startedAt, finishedAt),
                ReportArithmetic.millisBetween(lastServedAt, firstServedAt), writeFencedMillis);
    }

    NodeUpgradeProgressView toView() {
        return new NodeUpgradeProgressView(key.nodeId(), phase, startedAt, phaseStartedAt, finishedAt, detail);
    }
}
