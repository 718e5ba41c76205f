package io.cloudmq.controlplane.shared.idempotency;

import java.time.Clock;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The {@code idempotency_records} table, each statement in its own (auto-committed) transaction so a claim is
 * visible to a concurrent duplicate at once. Thread-safe.
 */
@Component
class IdempotencyRecords {
    private final JdbcClient jdbc;
    private final Clock clock;

    IdempotencyRecords(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** A stored record; {@code status} is {@code null} while the first request still runs. */
    record Stored(byte[] requestSha256, @Nullable Integer status, @Nullable String contentType,
            @Nullable String location, @Nullable String etag, byte @Nullable [] body) {}

    /** Claims a key for a request; false if the key was claimed before. */
    boolean claim(String keyId, String key, byte[] requestSha256) {
        return jdbc.sql("""
                INSERT INTO idempotency_records (key_id, idempotency_key, request_sha256, created_at)
                VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING""")
                .params(keyId, key, requestSha256, java.sql.Timestamp.from(clock.instant()))
                .update() == 1;
    }

    Optional<Stored> find(String keyId, String key) {
        return jdbc.sql("""
                SELECT request_sha256, status, content_type, location, etag, body FROM idempotency_records
                WHERE key_id = ? AND idempotency_key = ?""")
                .params(keyId, key)
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

    void release(String keyId, String key) {
        jdbc.sql("DELETE FROM idempotency_records WHERE key_id = ? AND idempotency_key = ? AND status IS NULL")
                .params(keyId, key)
                .update();
    }
}
