package io.cloudmq.dataplane.replication;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudmq.dataplane.store.TestClock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SlaveLagTest {
    private static final long MIB = 1024 * 1024;

    private final TestClock clock = new TestClock(Instant.parse("2026-01-01T10:00:00Z"));
    private final AtomicLong localEnd = new AtomicLong();
    private final SlaveLag lag = new SlaveLag("s1", localEnd::get, new InSyncLimits(MIB, Duration.ofSeconds(2)),
            clock);

    @BeforeEach
    void startSession() {
        lag.sessionStarted();
    }

    /** A DATA or HEARTBEAT frame: this log's end after appending its bytes, and the master's end it reports. */
    private void received(long appendedTo, long reportedMasterEnd) {
        localEnd.set(appendedTo);
        lag.masterEnd(reportedMasterEnd);
    }

    @Test
    void aSlaveFewBytesBehindThatHasNotCaughtUpForLongerThanTheTimeLimitIsNotInSync() {
        received(50, 100);
        clock.advanceMillis(1000);
        received(100, 200);
        clock.advanceMillis(1001);

        assertThat(lag.lagBytes()).isEqualTo(100);
        assertThat(lag.lagMillis()).as("last held the master's end 100, reported 2001 ms ago").isEqualTo(2001);
        assertThat(lag.withinLimits()).isFalse();
    }

    @Test
    void aSlaveThatReachesAnEarlierReportedEndWasCaughtUpAsOfThatReport() {
        received(0, 100);
        clock.advanceMillis(1000);
        received(0, 200);
        clock.advanceMillis(500);
        received(200, 300);
        clock.advanceMillis(600);

        assertThat(lag.lagBytes()).isEqualTo(100);
        assertThat(lag.lagMillis()).as("held the end reported 1100 ms ago").isEqualTo(1100);
        assertThat(lag.withinLimits()).isTrue();
    }

    @Test
    void aSlaveHoldingTheReportedEndHasNoLagHoweverLongTheMasterIsIdle() {
        received(100, 100);
        clock.advanceMillis(60_000);

        assertThat(lag.lagBytes()).isZero();
        assertThat(lag.lagMillis()).isZero();
        assertThat(lag.withinLimits()).isTrue();
    }

    @Test
    void aSlaveMoreThanTheByteLimitBehindIsNotInSyncAtOnce() {
        received(0, MIB + 1);

        assertThat(lag.lagMillis()).isZero();
        assertThat(lag.withinLimits()).isFalse();
        received(1, MIB + 1);
        assertThat(lag.withinLimits()).isTrue();
    }

    @Test
    void aNewSessionMeasuresTheTimeLagFromItsStart() {
        received(0, 100);
        clock.advanceMillis(5000);
        assertThat(lag.withinLimits()).isFalse();

        lag.sessionStarted();
        assertThat(lag.lagMillis()).isZero();
        assertThat(lag.withinLimits()).isTrue();
        received(50, 100);
        clock.advanceMillis(400);

        assertThat(lag.lagMillis()).isEqualTo(400);
    }
}
