package io.cloudmq.controlplane.upgrade;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cloudmq.api.upgrade.UpgradeWindowState;
import io.cloudmq.controlplane.ControlPlaneTest;
import io.cloudmq.controlplane.TestClusters;
import io.cloudmq.controlplane.shared.id.UuidV7;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.orm.ObjectOptimisticLockingFailureException;

/** Database constraints behind the window rules, exercised below the service's own checks. */
@ControlPlaneTest
class UpgradeWindowRepositoryTest {
    private static final Instant START = Instant.now().plus(Duration.ofDays(3)).truncatedTo(ChronoUnit.SECONDS);

    @Autowired
    UpgradeWindowRepository windows;
    @Autowired
    JdbcClient jdbc;

    private String cluster;

    @BeforeEach
    void freshCluster() {
        cluster = TestClusters.create(jdbc);
    }

    @Test
    void exclusionConstraintRefusesOverlappingNonTerminalWindows() {
        windows.saveAndFlush(window(START, Duration.ofHours(2)));

        assertThatThrownBy(() -> windows.saveAndFlush(window(START.plus(Duration.ofHours(1)), Duration.ofHours(1))))
                .isInstanceOf(DataIntegrityViolationException.class)
                .hasMessageContaining("ex_upgrade_windows_overlap");
    }

    @Test
    void terminalWindowsDoNotBlockTheirPeriod() {
        UpgradeWindow cancelled = window(START, Duration.ofHours(2));
        cancelled.transition(UpgradeWindowState.CANCELLED, Instant.now());
        windows.saveAndFlush(cancelled);

        UpgradeWindow replacement = windows.saveAndFlush(window(START, Duration.ofHours(2)));

        assertThat(windows.findById(replacement.id())).isPresent();
    }

    @Test
    void adjacentWindowsDoNotOverlap() {
        windows.saveAndFlush(window(START, Duration.ofHours(1)));

        UpgradeWindow next = windows.saveAndFlush(window(START.plus(Duration.ofHours(1)), Duration.ofHours(1)));

        assertThat(windows.findById(next.id())).isPresent();
    }

    @Test
    void checkConstraintRefusesDurationOutsideFifteenMinutesToOneDay() {
        assertThatThrownBy(() -> windows.saveAndFlush(window(START, Duration.ofMinutes(5))))
                .isInstanceOf(DataIntegrityViolationException.class)
                .hasMessageContaining("ck_upgrade_windows_duration");
    }

    @Test
    void staleVersionIsRefusedByOptimisticLocking() {
        UpgradeWindow saved = windows.saveAndFlush(window(START, Duration.ofHours(1)));
        UpgradeWindow firstCopy = windows.findById(saved.id()).orElseThrow();
        UpgradeWindow secondCopy = windows.findById(saved.id()).orElseThrow();
        firstCopy.moveTo(START.plus(Duration.ofHours(5)), Duration.ofHours(1));
        windows.saveAndFlush(firstCopy);

        secondCopy.moveTo(START.plus(Duration.ofHours(9)), Duration.ofHours(1));

        assertThatThrownBy(() -> windows.saveAndFlush(secondCopy))
                .isInstanceOf(ObjectOptimisticLockingFailureException.class);
    }

    private UpgradeWindow window(Instant startsAt, Duration duration) {
        return new UpgradeWindow(UuidV7.at(Instant.now()), cluster, startsAt, duration, "0.2.0", Instant.now());
    }
}
