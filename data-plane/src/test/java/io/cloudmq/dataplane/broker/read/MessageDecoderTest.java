package io.cloudmq.dataplane.broker.read;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudmq.api.node.read.NodeMessage;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class MessageDecoderTest {

    @Test
    void aValidUtf8BodyIsTextAndAnInvalidOneIsNull() {
        assertThat(MessageDecoder.text("grüße".getBytes(StandardCharsets.UTF_8))).isEqualTo("grüße");
        assertThat(MessageDecoder.text(new byte[] {(byte) 0xC3, 0x28})).isNull();
    }

    @Test
    void aLongBodyIsCutAtTheByteLimitOnACharacterBoundary() {
        String body = "é".repeat(3000) + "x";

        String text = MessageDecoder.text(body.getBytes(StandardCharsets.UTF_8));

        assertThat(text).isEqualTo("é".repeat(NodeMessage.MAX_BODY_BYTES / 2));
        assertThat(MessageDecoder.text("a".repeat(5000).getBytes(StandardCharsets.UTF_8)))
                .hasSize(NodeMessage.MAX_BODY_BYTES);
    }
}
