package io.cloudmq.controlplane.shared.id;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class UuidV7Test {
    @Test
    void carriesVersionVariantAndMillisecondTimestamp() {
        Instant now = Instant.parse("2026-11-22T01:00:00.123Z");

        UUID id = UuidV7.at(now);

        assertThat(id.version()).isEqualTo(7);
        assertThat(id.variant()).isEqualTo(2);
        assertThat(id.getMostSignificantBits() >>> 16).isEqualTo(now.toEpochMilli());
    }

    @Test
    void laterInstantsSortLater() {
        UUID earlier = UuidV7.at(Instant.parse("2026-11-22T01:00:00Z"));
        UUID later = UuidV7.at(Instant.parse("2026-11-22T01:00:00.001Z"));

        assertThat(later.toString()).isGreaterThan(earlier.toString());
    }
}
