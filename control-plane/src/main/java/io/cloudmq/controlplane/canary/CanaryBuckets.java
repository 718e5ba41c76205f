package io.cloudmq.controlplane.canary;

import java.sql.Array;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.DoubleStream;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Repository;

/**
 * The canary's stored figures, table {@code canary_buckets}: one row per cluster, canary run and
 * {@value CanarySeries#BUCKET_SECONDS}-second bucket of send time (counts, and the bucket's sample of send
 * latencies), written by the replica running the canary and read by any replica for upgrade reports. Rows
 * older than {@link #RETENTION} are purged. Thread-safe (stateless; each statement auto-committed).
 */
@Repository
class CanaryBuckets {
    static final Duration RETENTION = Duration.ofDays(30);

    private final JdbcClient jdbc;
    private final Clock clock;

    CanaryBuckets(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Stores the figures of a run's buckets (by bucket start), replacing what was stored for them. */
    void save(String clusterId, String runId, Map<Instant, CanaryTotals> buckets) {
        buckets.forEach((start, figures) -> jdbc.sql("""
                INSERT INTO canary_buckets (cluster_id, run_id, bucket_start, sent, acknowledged, failed, received,
                    duplicated, lost, send_latencies_ms)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?::double precision[])
                ON CONFLICT (cluster_id, bucket_start, run_id) DO UPDATE SET sent = EXCLUDED.sent,
                    acknowledged = EXCLUDED.acknowledged, failed = EXCLUDED.failed, received = EXCLUDED.received,
                    duplicated = EXCLUDED.duplicated, lost = EXCLUDED.lost,
                    send_latencies_ms = EXCLUDED.send_latencies_ms""")
                .params(clusterId, runId, Timestamp.from(start), figures.sent(), figures.acknowledged(),
                        figures.failed(), figures.received(), figures.duplicated(), figures.lost(),
                        arrayLiteral(figures))
                .update());
    }

    /**
     * The figures of every run's buckets that overlap {@code [from, to)}: exact for an interval on bucket
     * bounds, up to one bucket more at each end otherwise (as {@link CanarySeries#between}).
     */
    CanaryTotals between(String clusterId, Instant from, Instant to) {
        long seconds = CanarySeries.BUCKET_SECONDS;
        Instant firstStart = Instant.ofEpochSecond(Math.floorDiv(from.getEpochSecond(), seconds) * seconds);
        CanaryTotals.Builder totals = new CanaryTotals.Builder();
        jdbc.sql("""
                SELECT sent, acknowledged, failed, received, duplicated, lost, send_latencies_ms FROM canary_buckets
                WHERE cluster_id = ? AND bucket_start >= ? AND bucket_start < ?""")
                .params(clusterId, Timestamp.from(firstStart), Timestamp.from(to))
                .query(rs -> {
                    totals.add(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5),
                            rs.getLong(6));
                    latencies(rs.getArray(7)).forEach(totals::latency);
                });
        return totals.build();
    }

    /** Deletes the buckets older than {@link #RETENTION}; every replica may run it. */
    @Scheduled(fixedDelayString = "${cloudmq.canary.purge-interval:1h}")
    void purgeExpired() {
        jdbc.sql("DELETE FROM canary_buckets WHERE bucket_start < ?")
                .param(Timestamp.from(clock.instant().minus(RETENTION)))
                .update();
    }

    private static String arrayLiteral(CanaryTotals figures) {
        return figures.latencies().stream().map(Object::toString).collect(Collectors.joining(",", "{", "}"));
    }

    private static DoubleStream latencies(Array array) throws SQLException {
        Object[] values = (Object[]) array.getArray();
        return Arrays.stream(values).mapToDouble(value -> ((Number) value).doubleValue());
    }
}
