package io.cloudmq.controlplane.canary;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CanarySeriesTest {
    private static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");

    private final CanarySeries series = new CanarySeries();

    @Test
    void anIntervalSumsTheBucketsItOverlaps() {
        series.update(T0.minusSeconds(1), bucket -> bucket.sent++);
        series.update(T0, bucket -> bucket.sent++);
        series.update(T0.plusSeconds(15), bucket -> bucket.sent += 2);
        series.update(T0.plusSeconds(20), bucket -> bucket.sent += 4);

        assertThat(series.between(T0, T0.plusSeconds(20)).sent()).isEqualTo(3);
        assertThat(series.between(T0.plusSeconds(12), T0.plusSeconds(13)).sent()).isEqualTo(2);
        assertThat(series.between(T0, T0).sent()).isZero();
    }

    @Test
    void bucketsOlderThanTheRetentionAreOverwrittenAndCountNoMore() {
        series.update(T0, bucket -> bucket.sent++);
        series.update(T0.plus(CanarySeries.RETAINED), bucket -> bucket.sent += 5);
        series.update(T0, bucket -> bucket.sent++);

        assertThat(series.between(T0, T0.plusSeconds(10)).sent()).isZero();
        assertThat(series.between(T0, T0.plus(CanarySeries.RETAINED).plusSeconds(10)).sent()).isEqualTo(5);
    }

    @Test
    void theP99OfAnIntervalIsTheNearestRankOfItsLatencies() {
        for (int i = 1; i <= 200; i++) {
            double millis = i;
            series.update(T0.plus(Duration.ofMillis(i * 10L)), bucket -> bucket.latency(millis));
        }

        CanaryTotals totals = series.between(T0, T0.plusSeconds(10));

        assertThat(totals.latencyQuantile(0.99)).isEqualTo(198.0);
        assertThat(totals.latencyQuantile(0.5)).isEqualTo(100.0);
        assertThat(series.between(T0.minusSeconds(60), T0).latencyQuantile(0.99)).isNull();
    }

    @Test
    void aBucketKeepsAUniformSampleOfItsLatenciesBeyondItsCapacity() {
        for (int i = 0; i < CanaryBucket.MAX_LATENCIES * 4; i++) {
            series.update(T0, bucket -> bucket.latency(1.0));
        }

        assertThat(series.between(T0, T0.plusSeconds(10)).latencies()).hasSize(CanaryBucket.MAX_LATENCIES);
    }

    @Test
    void theBucketsChangedSinceTheLastTakeAreTakenOnceUnlessMarkedAgain() {
        series.update(T0, bucket -> bucket.sent++);
        series.update(T0.plusSeconds(25), bucket -> bucket.sent += 2);

        Map<Instant, CanaryTotals> first = series.takeChanged();
        series.update(T0.plusSeconds(3), bucket -> bucket.received++);
        Map<Instant, CanaryTotals> second = series.takeChanged();
        series.markChanged(Set.of(T0.plusSeconds(20)));

        assertThat(first).containsOnlyKeys(T0, T0.plusSeconds(20));
        assertThat(first.get(T0.plusSeconds(20)).sent()).isEqualTo(2);
        assertThat(second).containsOnlyKeys(T0);
        assertThat(second.get(T0).sent()).isOne();
        assertThat(second.get(T0).received()).isOne();
        assertThat(series.takeChanged()).containsOnlyKeys(T0.plusSeconds(20));
        assertThat(series.takeChanged()).isEmpty();
    }
}
