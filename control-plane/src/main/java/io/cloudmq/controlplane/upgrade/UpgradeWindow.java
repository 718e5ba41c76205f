package io.cloudmq.controlplane.upgrade;

import io.cloudmq.api.upgrade.ObservedProducerGroup;
import io.cloudmq.api.upgrade.UpgradeWindowState;
import io.cloudmq.api.upgrade.UpgradeWindowView;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** Row of {@code upgrade_windows}. Not thread-safe; lives in one transaction. */
@Entity
@Table(name = "upgrade_windows")
class UpgradeWindow {
    @Id
    private UUID id = new UUID(0, 0);

    @Column(name = "cluster_id")
    private String clusterId = "";

    @Enumerated(EnumType.STRING)
    private UpgradeWindowState state = UpgradeWindowState.SCHEDULED;

    @Column(name = "starts_at")
    private Instant startsAt = Instant.EPOCH;

    @Column(name = "ends_at")
    private Instant endsAt = Instant.EPOCH;

    @Column(name = "target_version")
    private String targetVersion = "";

    @Column(name = "started_at")
    private @Nullable Instant startedAt;

    @Column(name = "finished_at")
    private @Nullable Instant finishedAt;

    @Column(name = "pause_reason")
    private @Nullable String pauseReason;

    @Column(name = "created_at")
    private Instant createdAt = Instant.EPOCH;

    @Version
    private long version;

    @ElementCollection
    @CollectionTable(name = "upgrade_window_producer_groups", joinColumns = @JoinColumn(name = "window_id"))
    @OrderColumn(name = "position")
    private List<ObservedGroup> observedGroups = new ArrayList<>();

    protected UpgradeWindow() {}

    UpgradeWindow(UUID id, String clusterId, Instant startsAt, Duration duration, String targetVersion, Instant now) {
        this.id = id;
        this.clusterId = clusterId;
        this.targetVersion = targetVersion;
        this.createdAt = now;
        moveTo(startsAt, duration);
    }

    /** Replaces the producer groups the window's report counts. */
    void observe(List<ObservedProducerGroup> groups) {
        observedGroups.clear();
        groups.stream().distinct().map(ObservedGroup::new).forEach(observedGroups::add);
    }

    List<ObservedProducerGroup> observedGroups() {
        return observedGroups.stream().map(ObservedGroup::toView).toList();
    }

    void moveTo(Instant newStart, Duration duration) {
        this.startsAt = newStart;
        this.endsAt = newStart.plus(duration);
    }

    void transition(UpgradeWindowState next, Instant now) {
        if (state == UpgradeWindowState.SCHEDULED) {
            startedAt = next.locking() ? now : null;
        }
        if (next.terminal()) {
            finishedAt = now;
        }
        pauseReason = null;
        state = next;
    }

    /** Moves to {@code PAUSED} and records why (shown with the window's progress until it resumes). */
    void pause(String reason, Instant now) {
        transition(UpgradeWindowState.PAUSED, now);
        pauseReason = reason;
    }

    @Nullable String pauseReason() {
        return pauseReason;
    }

    UUID id() {
        return id;
    }

    String clusterId() {
        return clusterId;
    }

    UpgradeWindowState state() {
        return state;
    }

    Instant startsAt() {
        return startsAt;
    }

    Instant endsAt() {
        return endsAt;
    }

    Duration duration() {
        return Duration.between(startsAt, endsAt);
    }

    long version() {
        return version;
    }

    UpgradeWindowView toView() {
        return new UpgradeWindowView(
                id, clusterId, state, startsAt, duration(), endsAt, targetVersion, startedAt, finishedAt, version,
                observedGroups());
    }
}
