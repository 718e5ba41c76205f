package io.cloudmq.controlplane.upgrade;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ReportArithmeticTest {
    private static final Instant START = Instant.parse("2026-11-22T10:00:00Z");

    @Test
    void unavailableTimeRunsFromTheLastRequestServedToTheFirstAfterTheRestart() {
        assertThat(ReportArithmetic.millisBetween(START, START.plusMillis(420))).isEqualTo(420L);
    }

    @Test
    void aDurationIsUnknownUntilBothEndsAreRecorded() {
        assertThat(ReportArithmetic.millisBetween(START, null)).isNull();
        assertThat(ReportArithmetic.millisBetween(null, START)).isNull();
    }

    @Test
    void aFirstRequestStampedBeforeTheLastOneCountsAsNoUnavailability() {
        assertThat(ReportArithmetic.millisBetween(START, START.minusMillis(3))).isZero();
    }

    @Test
    void duringRunsFromTheStartToTheFinishOrToNowWhileTheWindowRuns() {
        Instant finish = START.plusSeconds(300);
        Instant now = START.plusSeconds(900);

        assertThat(ReportArithmetic.during(START, finish, now))
                .isEqualTo(new ReportArithmetic.Interval(START, finish));
        assertThat(ReportArithmetic.during(START, null, now)).isEqualTo(new ReportArithmetic.Interval(START, now));
    }

    @Test
    void beforeIsAsLongAsTheWindowTookWhenThatIsUnderFifteenMinutes() {
        ReportArithmetic.Interval during = new ReportArithmetic.Interval(START, START.plusSeconds(300));

        assertThat(ReportArithmetic.before(during))
                .isEqualTo(new ReportArithmetic.Interval(START.minusSeconds(300), START));
    }

    @Test
    void beforeIsTheFifteenMinutesBeforeTheStartOfALongerWindow() {
        ReportArithmetic.Interval during = new ReportArithmetic.Interval(START, START.plus(Duration.ofHours(2)));

        assertThat(ReportArithmetic.before(during))
                .isEqualTo(new ReportArithmetic.Interval(START.minus(Duration.ofMinutes(15)), START));
    }

    @Test
    void anIntervalCannotEndBeforeItStarts() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new ReportArithmetic.Interval(START, START.minusMillis(1)));
    }

    @Test
    void aCounterOfTheSameProcessGrewByTheDifference() {
        assertThat(ReportArithmetic.counterIncrease(5, 8, false)).isEqualTo(3);
    }

    @Test
    void aCounterOfARestartedProcessGrewByItsWholeValue() {
        assertThat(ReportArithmetic.counterIncrease(5, 8, true)).isEqualTo(8);
        assertThat(ReportArithmetic.counterIncrease(5, 2, false)).isEqualTo(2);
    }
}
