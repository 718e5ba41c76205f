package io.cloudmq.controlplane.shared.idempotency;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The {@code idempotency_records} table, each statement in its own (auto-committed) transaction so a claim is
 * visible to a concurrent duplicate at once. A key is remembered for {@link #RETENTION}: after that it can be
 * claimed again and its record is purged. A claim that never completed (its replica died mid-request) is
 * given up after {@link #ABANDONED_AFTER}, so the key does not answer "still running" until the retention ends.
 * Thread-safe.
 */
@Component
class IdempotencyRecords {
    static final Duration RETENTION = Duration.ofHours(24);
    static final Duration ABANDONED_AFTER = Duration.ofMinutes(10);

    private final JdbcClient jdbc;
    private final Clock clock;

    IdempotencyRecords(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** A stored record; {@code status} is {@code null} while the first request still runs. */
    record Stored(byte[] requestSha256, @Nullable Integer status, @Nullable String contentType,
            @Nullable String location, @Nullable String etag, byte @Nullable [] body) {}

    /**
     * Claims a key for a request; false if the key is held: claimed within {@link #RETENTION} and either
     * completed or claimed within {@link #ABANDONED_AFTER}.
     */
    boolean claim(String keyId, String key, byte[] requestSha256) {
        Instant now = clock.instant();
        return jdbc.sql("""
                INSERT INTO idempotency_records AS held (key_id, idempotency_key, request_sha256, created_at)
                VALUES (?, ?, ?, ?)
                ON CONFLICT (key_id, idempotency_key) DO UPDATE SET request_sha256 = EXCLUDED.request_sha256,
                    status = NULL, content_type = NULL, location = NULL, etag = NULL, body = NULL,
                    created_at = EXCLUDED.created_at
                WHERE held.created_at < ? OR (held.status IS NULL AND held.created_at < ?)""")
                .params(keyId, key, requestSha256, Timestamp.from(now), Timestamp.from(now.minus(RETENTION)),
                        Timestamp.from(now.minus(ABANDONED_AFTER)))
                .update() == 1;
    }

    /** The record of a key claimed within {@link #RETENTION}. */
    Optional<Stored> find(String keyId, String key) {
        return jdbc.sql("""
                SELECT request_sha256, status, content_type, location, etag, body FROM idempotency_records
                WHERE key_id = ? AND idempotency_key = ? AND created_at >= ?""")
                .params(keyId, key, Timestamp.from(clock.instant().minus(RETENTION)))
                .query((rs, row) -> new Stored(rs.getBytes(1), (Integer) rs.getObject(2), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getBytes(6)))
                .optional();
    }

    void complete(String keyId, String key, int status, @Nullable String contentType, @Nullable String location,
            @Nullable String etag, byte[] body) {
        jdbc.sql("""
                UPDATE idempotency_records SET status = ?, content_type = ?, location = ?, etag = ?, body = ?
                WHERE key_id = ? AND idempotency_key = ?""")
                .params(status, contentType, location, etag, body, keyId, key)
                .update();
    }

    /** Deletes the records older than {@link #RETENTION}; every replica may run it. */
    @Scheduled(fixedDelayString = "${cloudmq.idempotency.purge-interval:1h}")
    void purgeExpired() {
        jdbc.sql("DELETE FROM idempotency_records WHERE created_at < ?")
                .param(Timestamp.from(clock.instant().minus(RETENTION)))
                .update();
    }

    void release(String keyId, String key) {
        jdbc.sql("DELETE FROM idempotency_records WHERE key_id = ? AND idempotency_key = ? AND status IS NULL")
                .params(keyId, key)
                .update();
    }
}
