package io.cloudmq.controlplane.shared.idempotency;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudmq.controlplane.ControlPlaneTest;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The claim protocol that lets exactly one of several concurrent duplicates run. */
@ControlPlaneTest
class IdempotencyRecordsTest {
    private static final byte[] FINGERPRINT = new byte[32];

    @Autowired
    IdempotencyRecords records;

    @Autowired
    JdbcClient jdbc;

    @Test
    void onlyTheFirstClaimWinsAndSeesItselfRunning() {
        String key = UUID.randomUUID().toString();

        assertThat(records.claim("key1", key, FINGERPRINT)).isTrue();
        assertThat(records.claim("key1", key, FINGERPRINT)).isFalse();
        assertThat(records.find("key1", key)).hasValueSatisfying(stored -> assertThat(stored.status()).isNull());
    }

    @Test
    void completedClaimIsReplayableAndKeysAreScopedPerApiKey() {
        String key = UUID.randomUUID().toString();
        records.claim("key1", key, FINGERPRINT);

        records.complete("key1", key, 201, "application/json", "/api/v1/instances/x", "\"0\"", "{}".getBytes());

        assertThat(records.find("key1", key)).hasValueSatisfying(stored -> {
            assertThat(stored.status()).isEqualTo(201);
            assertThat(stored.location()).isEqualTo("/api/v1/instances/x");
            assertThat(stored.body()).isEqualTo("{}".getBytes());
        });
        assertThat(records.claim("key2", key, FINGERPRINT)).isTrue();
    }

    @Test
    void releasedClaimCanBeClaimedAgainButACompletedOneIsKept() {
        String running = UUID.randomUUID().toString();
        String done = UUID.randomUUID().toString();
        records.claim("key1", running, FINGERPRINT);
        records.claim("key1", done, FINGERPRINT);
        records.complete("key1", done, 200, null, null, null, new byte[0]);

        records.release("key1", running);
        records.release("key1", done);

        assertThat(records.claim("key1", running, FINGERPRINT)).isTrue();
        assertThat(records.find("key1", done)).isPresent();
    }

    @Test
    void aKeyPastItsRetentionIsForgottenClaimableAgainAndPurged() {
        String expired = UUID.randomUUID().toString();
        String kept = UUID.randomUUID().toString();
        records.claim("key1", expired, FINGERPRINT);
        records.complete("key1", expired, 201, null, null, null, new byte[0]);
        records.claim("key1", kept, FINGERPRINT);
        records.complete("key1", kept, 201, null, null, null, new byte[0]);
        age("key1", expired, IdempotencyRecords.RETENTION.plusMinutes(1));

        assertThat(records.find("key1", expired)).isEmpty();
        records.purgeExpired();
        assertThat(count("key1", expired)).isZero();
        assertThat(count("key1", kept)).isOne();

        age("key1", kept, IdempotencyRecords.RETENTION.plusMinutes(1));
        assertThat(records.claim("key1", kept, new byte[32])).isTrue();
        assertThat(records.find("key1", kept)).hasValueSatisfying(stored -> assertThat(stored.status()).isNull());
    }

    @Test
    void aClaimThatNeverCompletedIsGivenUpAfterItsDeadlineButACompletedOneIsNot() {
        String abandoned = UUID.randomUUID().toString();
        String completed = UUID.randomUUID().toString();
        records.claim("key1", abandoned, FINGERPRINT);
        records.claim("key1", completed, FINGERPRINT);
        records.complete("key1", completed, 200, null, null, null, new byte[0]);
        Duration past = IdempotencyRecords.ABANDONED_AFTER.plusMinutes(1);
        age("key1", abandoned, past);
        age("key1", completed, past);

        assertThat(records.claim("key1", abandoned, FINGERPRINT)).isTrue();
        assertThat(records.claim("key1", completed, FINGERPRINT)).isFalse();
    }

    private void age(String keyId, String key, Duration by) {
        jdbc.sql("""
                UPDATE idempotency_records SET created_at = created_at - make_interval(secs => ?)
                WHERE key_id = ? AND idempotency_key = ?""")
                .params((double) by.toSeconds(), keyId, key)
                .update();
    }

    private long count(String keyId, String key) {
        return jdbc.sql("SELECT count(*) FROM idempotency_records WHERE key_id = ? AND idempotency_key = ?")
                .params(keyId, key)
                .query(Long.class)
                .single();
    }
}
