package io.cloudmq.controlplane.upgrade;

import io.cloudmq.api.common.PageView;
import io.cloudmq.api.upgrade.RescheduleUpgradeWindowRequest;
import io.cloudmq.api.upgrade.ScheduleUpgradeWindowRequest;
import io.cloudmq.api.upgrade.UpgradeWindowState;
import io.cloudmq.api.upgrade.UpgradeWindowView;
import io.cloudmq.controlplane.cluster.ClusterService;
import io.cloudmq.controlplane.shared.error.InvalidFieldException;
import io.cloudmq.controlplane.shared.error.ResourceNotFoundException;
import io.cloudmq.controlplane.shared.error.StateConflictException;
import io.cloudmq.controlplane.shared.error.VersionMismatchException;
import io.cloudmq.controlplane.shared.id.UuidV7;
import io.cloudmq.controlplane.shared.web.PageCursor;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Use cases of upgrade windows. Every state change holds the cluster row {@code FOR UPDATE} (see
 * {@link UpgradeLockService}); overlaps of non-terminal windows are refused here and, against races, by the
 * exclusion constraint {@code ex_upgrade_windows_overlap}.
 */
@Service
public class UpgradeWindowService {
    static final Duration MIN_DURATION = Duration.ofMinutes(15);
    static final Duration MAX_DURATION = Duration.ofHours(24);
    private static final List<UpgradeWindowState> NON_TERMINAL =
            Arrays.stream(UpgradeWindowState.values()).filter(state -> !state.terminal()).toList();

    static final String OPERATOR_PAUSE = "paused by an operator";

    private final UpgradeWindowRepository windows;
    private final UpgradeNodeProgressRepository progress;
    private final ClusterService clusters;
    private final Clock clock;

    UpgradeWindowService(UpgradeWindowRepository windows, UpgradeNodeProgressRepository progress,
            ClusterService clusters, Clock clock) {
        this.windows = windows;
        this.progress = progress;
        this.clusters = clusters;
        this.clock = clock;
    }

    @Transactional
    public UpgradeWindowView schedule(String clusterId, ScheduleUpgradeWindowRequest request) {
        clusters.get(clusterId);
        Instant now = clock.instant();
        Instant startsAt = request.startsAt().toInstant();
        validate(startsAt, request.duration(), now);
        UpgradeWindow window = new UpgradeWindow(
                UuidV7.at(now), clusterId, startsAt, request.duration(), request.targetVersion(), now);
        window.observe(request.observedProducerGroups());
        return saveWithoutOverlap(window).toView();
    }

    @Transactional(readOnly = true)
    public UpgradeWindowView get(String clusterId, UUID windowId) {
        return find(clusterId, windowId).toView();
    }

    @Transactional(readOnly = true)
    public PageView<UpgradeWindowView> list(String clusterId, PageCursor cursor) {
        clusters.get(clusterId);
        Limit limit = Limit.of(cursor.fetchSize());
        List<UpgradeWindow> rows = cursor.after() == null
                ? windows.findByClusterIdOrderByIdAsc(clusterId, limit)
                : windows.findByClusterIdAndIdGreaterThanOrderByIdAsc(clusterId, parseId(cursor.after()), limit);
        return cursor.page(rows, window -> window.id().toString(), UpgradeWindow::toView);
    }

    @Transactional
    public UpgradeWindowView reschedule(
            String clusterId, UUID windowId, RescheduleUpgradeWindowRequest request, @Nullable Long expectedVersion) {
        clusters.lockForStateChange(clusterId);
        UpgradeWindow window = find(clusterId, windowId);
        VersionMismatchException.check(expectedVersion, window.version());
        if (window.state() != UpgradeWindowState.SCHEDULED) {
            throw new StateConflictException("Cannot reschedule window " + window.id() + " in state "
                    + window.state() + " (only a SCHEDULED window can move)");
        }
        Instant startsAt = request.startsAt().toInstant();
        validate(startsAt, request.duration(), clock.instant());
        window.moveTo(startsAt, request.duration());
        window.observe(request.observedProducerGroups());
        return saveWithoutOverlap(window).toView();
    }

    /** Starts a {@code SCHEDULED} window; one started before its planned start moves to begin now. */
    @Transactional
    public UpgradeWindowView start(String clusterId, UUID windowId) {
        return start(clusterId, windowId, clock.instant());
    }

    /** {@link #start(String, UUID)} at the scheduler's {@code now}. */
    @Transactional
    UpgradeWindowView start(String clusterId, UUID windowId, Instant now) {
        clusters.lockForStateChange(clusterId);
        UpgradeWindow window = find(clusterId, windowId);
        requireTransition(window, UpgradeWindowState.IN_PROGRESS);
        if (window.startsAt().isAfter(now)) {
            window.moveTo(now, window.duration());
        }
        window.transition(UpgradeWindowState.IN_PROGRESS, now);
        return saveWithoutOverlap(window).toView();
    }

    @Transactional
    public UpgradeWindowView cancel(String clusterId, UUID windowId) {
        return cancel(clusterId, windowId, clock.instant());
    }

    /** {@link #cancel(String, UUID)} at the scheduler's {@code now}. */
    @Transactional
    UpgradeWindowView cancel(String clusterId, UUID windowId, Instant now) {
        return move(clusterId, windowId, UpgradeWindowState.CANCELLED, now);
    }

    /** Ends an {@code IN_PROGRESS} or {@code PAUSED} window as {@code FAILED}. */
    @Transactional
    public UpgradeWindowView abort(String clusterId, UUID windowId) {
        return move(clusterId, windowId, UpgradeWindowState.FAILED, clock.instant());
    }

    /** Pauses an {@code IN_PROGRESS} window; it keeps the lock until resumed and finished, or aborted. */
    @Transactional
    public UpgradeWindowView pause(String clusterId, UUID windowId) {
        return pause(clusterId, windowId, OPERATOR_PAUSE, clock.instant());
    }

    /** {@link #pause(String, UUID)} by the orchestrator, with its {@code reason}. */
    @Transactional
    UpgradeWindowView pause(String clusterId, UUID windowId, String reason, Instant now) {
        clusters.lockForStateChange(clusterId);
        UpgradeWindow window = find(clusterId, windowId);
        requireTransition(window, UpgradeWindowState.PAUSED);
        window.pause(reason, now);
        return windows.saveAndFlush(window).toView();
    }

    /**
     * Resumes a {@code PAUSED} window (a {@code SCHEDULED} one is started, not resumed); the orchestrator
     * continues from the persisted progress, its gate deadlines counted from now.
     */
    @Transactional
    public UpgradeWindowView resume(String clusterId, UUID windowId) {
        clusters.lockForStateChange(clusterId);
        UpgradeWindow window = find(clusterId, windowId);
        if (window.state() != UpgradeWindowState.PAUSED) {
            throw new StateConflictException("Cannot resume window " + window.id() + " in state " + window.state()
                    + " (only a PAUSED window resumes)");
        }
        Instant now = clock.instant();
        window.transition(UpgradeWindowState.IN_PROGRESS, now);
        progress.restartClocks(windowId, now);
        return windows.saveAndFlush(window).toView();
    }

    /** Completes an {@code IN_PROGRESS} window at the orchestrator's {@code now}. */
    @Transactional
    UpgradeWindowView complete(String clusterId, UUID windowId, Instant now) {
        return move(clusterId, windowId, UpgradeWindowState.COMPLETED, now);
    }

    /** Windows the scheduler must act on at {@code now}: {@code SCHEDULED} ones due to start. */
    @Transactional(readOnly = true)
    public List<UpgradeWindowView> dueToStart(Instant now) {
        return windows.findByStateAndStartsAtLessThanEqual(UpgradeWindowState.SCHEDULED, now).stream()
                .map(UpgradeWindow::toView)
                .toList();
    }

    /**
     * Whether a window of {@code clusterId} is running or paused mid-upgrade (automatic failover is off
     * meanwhile).
     */
    @Transactional(readOnly = true)
    public boolean isUpgrading(String clusterId) {
        return windows.existsByClusterIdAndStateIn(clusterId, UpgradeLockService.LOCKING_STATES);
    }

    /**
     * The window of {@code clusterId} that starts first among those not terminal ({@code SCHEDULED},
     * {@code IN_PROGRESS} or {@code PAUSED}), if any: planned switchovers wait for it.
     */
    @Transactional(readOnly = true)
    public Optional<UpgradeWindowView> firstNotTerminal(String clusterId) {
        return windows.findFirstByClusterIdAndStateInOrderByStartsAtAsc(clusterId, NON_TERMINAL)
                .map(UpgradeWindow::toView);
    }

    /** The {@code IN_PROGRESS} windows, the orchestrator's work. */
    @Transactional(readOnly = true)
    List<UpgradeWindowView> inProgress() {
        return windows.findByStateOrderByStartsAtAsc(UpgradeWindowState.IN_PROGRESS).stream()
                .map(UpgradeWindow::toView)
                .toList();
    }

    private UpgradeWindowView move(String clusterId, UUID windowId, UpgradeWindowState to, Instant now) {
        clusters.lockForStateChange(clusterId);
        UpgradeWindow window = find(clusterId, windowId);
        requireTransition(window, to);
        window.transition(to, now);
        return windows.saveAndFlush(window).toView();
    }

    private UpgradeWindow saveWithoutOverlap(UpgradeWindow window) {
        if (windows.existsOverlap(window.clusterId(), window.id(), window.startsAt(), window.endsAt(), NON_TERMINAL)) {
            throw new UpgradeWindowOverlapException(window.clusterId());
        }
        try {
            return windows.saveAndFlush(window);
        } catch (DataIntegrityViolationException e) {
            if (String.valueOf(e.getMostSpecificCause().getMessage()).contains("ex_upgrade_windows_overlap")) {
                throw new UpgradeWindowOverlapException(window.clusterId());
            }
            throw e;
        }
    }

    private static void validate(Instant startsAt, Duration duration, Instant now) {
        if (duration.compareTo(MIN_DURATION) < 0 || duration.compareTo(MAX_DURATION) > 0) {
            throw new InvalidFieldException("duration", "must be between PT15M and PT24H");
        }
        if (!startsAt.isAfter(now)) {
            throw new InvalidFieldException("startsAt", "must be in the future");
        }
    }

    private static void requireTransition(UpgradeWindow window, UpgradeWindowState to) {
        if (!window.state().canMoveTo(to)) {
            throw new StateConflictException(
                    "Cannot move window " + window.id() + " from " + window.state() + " to " + to);
        }
    }

    private UpgradeWindow find(String clusterId, UUID windowId) {
        return windows.findByIdAndClusterId(windowId, clusterId)
                .orElseThrow(() -> ResourceNotFoundException.of("upgrade window", windowId.toString()));
    }

    private static UUID parseId(String token) {
        try {
            return UUID.fromString(token);
        } catch (IllegalArgumentException e) {
            throw new InvalidFieldException("pageToken", "is not a token this API issued");
        }
    }
}
