package io.cloudmq.controlplane.canary;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudmq.controlplane.ControlPlaneTest;
import io.cloudmq.controlplane.TestClusters;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The canary's stored buckets: what any replica reads for an upgrade report. */
@ControlPlaneTest
class CanaryBucketsTest {
    private static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");

    @Autowired
    CanaryBuckets buckets;
    @Autowired
    JdbcClient jdbc;

    private String cluster;

    @BeforeEach
    void freshCluster() {
        cluster = TestClusters.create(jdbc);
    }

    @Test
    void anIntervalSumsEveryRunsBucketsItOverlapsWithTheirLatencies() {
        buckets.save(cluster, "run-1", Map.of(T0.minusSeconds(10), figures(1, 0, List.of(50.0)),
                T0, figures(3, 1, List.of(2.0, 4.5))));
        buckets.save(cluster, "run-2", Map.of(T0, figures(2, 0, List.of(1.0E-4)),
                T0.plusSeconds(20), figures(7, 0, List.of(9.0))));

        CanaryTotals window = buckets.between(cluster, T0.plusSeconds(3), T0.plusSeconds(20));

        assertThat(window.sent()).isEqualTo(5);
        assertThat(window.failed()).isEqualTo(1);
        assertThat(window.acknowledged()).isEqualTo(4);
        assertThat(window.latencies()).containsExactly(1.0E-4, 2.0, 4.5);
        assertThat(buckets.between(cluster, T0.minusSeconds(60), T0.minusSeconds(10)).sent()).isZero();
        assertThat(buckets.between(TestClusters.create(jdbc), T0, T0.plusSeconds(60)).sent()).isZero();
    }

    @Test
    void storingABucketAgainReplacesItsFigures() {
        buckets.save(cluster, "run-1", Map.of(T0, figures(3, 0, List.of(1.0))));
        buckets.save(cluster, "run-1", Map.of(T0, figures(4, 1, List.of())));

        CanaryTotals bucket = buckets.between(cluster, T0, T0.plusSeconds(10));

        assertThat(bucket.sent()).isEqualTo(4);
        assertThat(bucket.failed()).isOne();
        assertThat(bucket.latencies()).isEmpty();
    }

    @Test
    void bucketsPastTheRetentionArePurged() {
        Instant old = Instant.now().minus(CanaryBuckets.RETENTION).minusSeconds(60);
        Instant recent = Instant.now().minusSeconds(60);
        buckets.save(cluster, "run-1", Map.of(old, figures(1, 0, List.of()), recent, figures(2, 0, List.of())));

        buckets.purgeExpired();

        assertThat(buckets.between(cluster, old, old.plusSeconds(10)).sent()).isZero();
        assertThat(buckets.between(cluster, recent, recent.plusSeconds(10)).sent()).isEqualTo(2);
    }

    /** A bucket's figures: {@code sent} sends, {@code failed} of them failed, the others acknowledged. */
    private static CanaryTotals figures(long sent, long failed, List<Double> latencies) {
        return new CanaryTotals(sent, sent - failed, failed, 0, 0, 0, latencies);
    }
}
