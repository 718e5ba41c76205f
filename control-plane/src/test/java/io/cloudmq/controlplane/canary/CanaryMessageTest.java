package io.cloudmq.controlplane.canary;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class CanaryMessageTest {

    @Test
    void aBodyReadsBackAsTheMessageItCarries() {
        CanaryMessage message = new CanaryMessage("run-1", 42, Instant.parse("2026-11-22T10:00:00.123Z"));

        assertThat(CanaryMessage.parse(message.body())).contains(message);
    }

    @Test
    void aBodyThatIsNoCanaryMessageReadsAsNone() {
        assertThat(CanaryMessage.parse("hello".getBytes(StandardCharsets.UTF_8))).isEmpty();
        assertThat(CanaryMessage.parse("run:x:1".getBytes(StandardCharsets.UTF_8))).isEmpty();
    }
}
