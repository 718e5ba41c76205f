package io.cloudmq.controlplane.upgrade;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cloudmq.api.problem.ErrorCode;
import io.cloudmq.api.upgrade.RescheduleUpgradeWindowRequest;
import io.cloudmq.api.upgrade.ScheduleUpgradeWindowRequest;
import io.cloudmq.api.upgrade.UpgradeWindowState;
import io.cloudmq.api.upgrade.UpgradeWindowView;
import io.cloudmq.controlplane.ControlPlaneTest;
import io.cloudmq.controlplane.TestClusters;
import io.cloudmq.controlplane.TestData;
import io.cloudmq.controlplane.shared.error.DomainException;
import io.cloudmq.controlplane.shared.web.PageCursor;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@ControlPlaneTest
class UpgradeWindowServiceTest {
    @Autowired
    UpgradeWindowService windows;
    @Autowired
    UpgradeWindowScheduler scheduler;
    @Autowired
    JdbcClient jdbc;

    private String cluster;

    @BeforeEach
    void freshCluster() {
        cluster = TestClusters.create(jdbc);
    }

    @Test
    void refusesOverlappingWindowWithOverlapProblem() {
        windows.schedule(cluster, TestData.window(5));

        assertThatThrownBy(() -> windows.schedule(cluster, TestData.window(5)))
                .isInstanceOf(UpgradeWindowOverlapException.class);
    }

    @Test
    void refusesDurationsOutsideFifteenMinutesToOneDay() {
        var tooShort = new ScheduleUpgradeWindowRequest(
                OffsetDateTime.now(ZoneOffset.UTC).plusHours(1), Duration.ofMinutes(14), "0.2.0");
        var tooLong = new ScheduleUpgradeWindowRequest(
                OffsetDateTime.now(ZoneOffset.UTC).plusHours(1), Duration.ofHours(25), "0.2.0");

        assertThatThrownBy(() -> windows.schedule(cluster, tooShort)).hasMessageContaining("duration");
        assertThatThrownBy(() -> windows.schedule(cluster, tooLong)).hasMessageContaining("duration");
    }

    @Test
    void startNowMovesTheWindowToBeginNow() {
        UpgradeWindowView scheduled = windows.schedule(cluster, TestData.window(10));

        UpgradeWindowView started = windows.start(cluster, scheduled.id());

        assertThat(started.state()).isEqualTo(UpgradeWindowState.IN_PROGRESS);
        assertThat(started.startsAt()).isBefore(scheduled.startsAt());
        assertThat(started.duration()).isEqualTo(Duration.ofHours(1));
        windows.abort(cluster, started.id());
    }

    @Test
    void cancelOnlyFromScheduledAndRescheduleOnlyWhileScheduled() {
        UpgradeWindowView window = windows.schedule(cluster, TestData.window(3));
        UpgradeWindowView cancelled = windows.cancel(cluster, window.id());
        var later = new RescheduleUpgradeWindowRequest(
                OffsetDateTime.now(ZoneOffset.UTC).plusHours(8), Duration.ofHours(2));

        assertThat(cancelled.state()).isEqualTo(UpgradeWindowState.CANCELLED);
        assertThat(cancelled.finishedAt()).isNotNull();
        assertThatThrownBy(() -> windows.cancel(cluster, window.id()))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.CONFLICT));
        assertThatThrownBy(() -> windows.reschedule(cluster, window.id(), later, null))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.CONFLICT));
    }

    @Test
    void rescheduleChecksTheExpectedVersion() {
        UpgradeWindowView window = windows.schedule(cluster, TestData.window(3));
        var later = new RescheduleUpgradeWindowRequest(
                OffsetDateTime.now(ZoneOffset.UTC).plusHours(8), Duration.ofHours(2));

        assertThatThrownBy(() -> windows.reschedule(cluster, window.id(), later, window.version() + 1))
                .isInstanceOfSatisfying(DomainException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.PRECONDITION_FAILED));
        UpgradeWindowView moved = windows.reschedule(cluster, window.id(), later, window.version());
        assertThat(moved.duration()).isEqualTo(Duration.ofHours(2));
        assertThat(moved.version()).isGreaterThan(window.version());
    }

    @Test
    void schedulerStartsDueWindowsAndLeavesTheirCompletionToTheOrchestrator() {
        UpgradeWindowView window = windows.schedule(cluster, TestData.window(1));

        scheduler.advance(window.startsAt().plusSeconds(1));
        UpgradeWindowState afterStart = windows.get(cluster, window.id()).state();
        scheduler.advance(window.endsAt().plusSeconds(1));

        assertThat(afterStart).isEqualTo(UpgradeWindowState.IN_PROGRESS);
        assertThat(windows.get(cluster, window.id()).state()).isEqualTo(UpgradeWindowState.IN_PROGRESS);
    }

    @Test
    void aPausedWindowKeepsItsStateAtItsEndUntilResumedOrAborted() {
        UpgradeWindowView window = windows.schedule(cluster, TestData.window(1));
        scheduler.advance(window.startsAt().plusSeconds(1));

        UpgradeWindowView paused = windows.pause(cluster, window.id());
        scheduler.advance(window.endsAt().plusSeconds(1));

        assertThat(paused.state()).isEqualTo(UpgradeWindowState.PAUSED);
        assertThat(paused.state().locking()).isTrue();
        assertThat(windows.get(cluster, window.id()).state()).isEqualTo(UpgradeWindowState.PAUSED);
        assertThatThrownBy(() -> windows.pause(cluster, window.id()))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.CONFLICT));
        assertThat(windows.resume(cluster, window.id()).state()).isEqualTo(UpgradeWindowState.IN_PROGRESS);
        windows.pause(cluster, window.id());
        assertThat(windows.abort(cluster, window.id()).state()).isEqualTo(UpgradeWindowState.FAILED);
    }

    @Test
    void aScheduledWindowCanNeitherBePausedNorResumed() {
        UpgradeWindowView window = windows.schedule(cluster, TestData.window(2));

        assertThatThrownBy(() -> windows.pause(cluster, window.id()))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.CONFLICT));
        assertThatThrownBy(() -> windows.resume(cluster, window.id()))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.CONFLICT));
    }

    @Test
    void schedulerCancelsWindowsMissedEntirely() {
        UpgradeWindowView window = windows.schedule(cluster, TestData.window(1));

        scheduler.advance(window.endsAt().plus(Duration.ofMinutes(1)));

        assertThat(windows.get(cluster, window.id()).state()).isEqualTo(UpgradeWindowState.CANCELLED);
    }

    @Test
    void listPagesInCreationOrder() {
        UpgradeWindowView first = windows.schedule(cluster, TestData.window(1));
        UpgradeWindowView second = windows.schedule(cluster, TestData.window(3));
        UpgradeWindowView third = windows.schedule(cluster, TestData.window(5));

        var page1 = windows.list(cluster, PageCursor.parse(null, 2));
        var page2 = windows.list(cluster, PageCursor.parse(page1.nextPageToken(), 2));

        assertThat(page1.items()).extracting(UpgradeWindowView::id).containsExactly(first.id(), second.id());
        assertThat(page2.items()).extracting(UpgradeWindowView::id).containsExactly(third.id());
        assertThat(page2.nextPageToken()).isNull();
    }
}
