package io.cloudmq.controlplane.shared.idempotency;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudmq.controlplane.ControlPlaneTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The claim protocol that lets exactly one of several concurrent duplicates run. */
@ControlPlaneTest
class IdempotencyRecordsTest {
    private static final byte[] FINGERPRINT = new byte[32];

    @Autowired
    IdempotencyRecords records;

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
}
