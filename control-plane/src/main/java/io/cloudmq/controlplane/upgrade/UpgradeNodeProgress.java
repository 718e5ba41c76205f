package io.cloudmq.controlplane.upgrade;

import io.cloudmq.api.upgrade.NodeUpgradeProgressView;
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

/** Row of {@code upgrade_node_progress}: the last step a window completed on one node. Not thread-safe. */
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

    NodeStep toStep() {
        return new NodeStep(key.nodeId(), phase, phaseStartedAt, finishedAt);
    }

    NodeUpgradeProgressView toView() {
        return new NodeUpgradeProgressView(key.nodeId(), phase, startedAt, phaseStartedAt, finishedAt, detail);
    }
}
