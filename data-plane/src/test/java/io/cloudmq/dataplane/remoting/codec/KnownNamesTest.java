package io.cloudmq.dataplane.remoting.codec;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;

import io.cloudmq.dataplane.remoting.protocol.RemotingCommand;
import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.Test;

class KnownNamesTest {

    @Test
    void findsTheSharedStringOfAKnownNameInsideLargerBytes() {
        byte[] json = "\"topic\":\"consumerGroup\"".getBytes(US_ASCII);

        assertThat(KnownNames.find(json, 1, 6)).isSameAs("topic");
        assertThat(KnownNames.find(json, 9, 22)).isSameAs("consumerGroup");
    }

    @Test
    void findsOneLetterNamesByTheirByte() {
        byte[] json = "anz".getBytes(US_ASCII);

        assertThat(KnownNames.find(json, 0, 1)).isSameAs("a");
        assertThat(KnownNames.find(json, 1, 2)).isSameAs("n");
        assertThat(KnownNames.find(json, 2, 3)).isNull();
    }

    @Test
    void findsNothingForAnUnknownNameOrAPartOfAKnownOne() {
        byte[] json = "topicX topi Topic".getBytes(US_ASCII);

        assertThat(KnownNames.find(json, 0, 6)).isNull();
        assertThat(KnownNames.find(json, 7, 11)).isNull();
        assertThat(KnownNames.find(json, 12, 17)).isNull();
        assertThat(KnownNames.find(json, 0, 0)).isNull();
    }

    @Test
    void theReaderHandsOutKnownExtFieldNamesSharedAndOthersByValue() {
        byte[] json = "{\"code\":310,\"extFields\":{\"a\":\"PG\",\"custom\":\"1\",\"Signat\\u0075re\":\"s\"}}"
                .getBytes(US_ASCII);

        RemotingCommand command = JsonHeaderReader.read(Unpooled.wrappedBuffer(json), new byte[0]);

        assertThat(command.extFields().keySet()).containsExactly("Signature", "a", "custom");
        assertThat(command.extFields().keySet()).element(1).isSameAs("a");
        assertThat(command.extField("Signature")).isEqualTo("s");
    }
}
