package io.cloudmq.dataplane.remoting.codec;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudmq.dataplane.remoting.protocol.LanguageCode;
import io.cloudmq.dataplane.remoting.protocol.RemotingCommand;
import io.netty.buffer.ByteBuf;
import io.netty.channel.embedded.EmbeddedChannel;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The header-level fastjson2 quirks of spec §8.4 that a Jackson-based server must tolerate. */
class HeaderQuirksTest {
    private final EmbeddedChannel channel = new EmbeddedChannel(new RemotingFrameDecoder(1 << 20));

    @AfterEach
    void nothingLeftOver() {
        assertThat(channel.finishAndReleaseAll()).isFalse();
    }

    @Test
    void acceptsNumbersSentAsStrings() {
        RemotingCommand command = decode("{\"code\":\"105\",\"flag\":\"1\",\"opaque\":\"9\",\"version\":\"513\"}");

        assertThat(command.code()).isEqualTo(105);
        assertThat(command.isResponse()).isTrue();
        assertThat(command.opaque()).isEqualTo(9);
        assertThat(command.version()).isEqualTo(513);
    }

    @Test
    void stringifiesNumbersAndBooleansInsideExtFields() {
        RemotingCommand command = decode("{\"code\":310,\"extFields\":{\"e\":1,\"g\":1700000000000,\"k\":false}}");

        assertThat(command.extFields())
                .containsOnly(Map.entry("e", "1"), Map.entry("g", "1700000000000"), Map.entry("k", "false"));
    }

    @Test
    void dropsNullExtFieldValues() {
        RemotingCommand command = decode("{\"code\":310,\"extFields\":{\"a\":\"PG\",\"i\":null}}");

        assertThat(command.extFields()).containsOnly(Map.entry("a", "PG"));
    }

    @Test
    void ignoresUnknownFieldsSuchAsSerializeTypeCurrentRpc() {
        RemotingCommand command = decode(
                "{\"code\":34,\"serializeTypeCurrentRPC\":\"JSON\",\"futureField\":{\"x\":[1]},\"opaque\":3}");

        assertThat(command.code()).isEqualTo(34);
        assertThat(command.opaque()).isEqualTo(3);
    }

    @Test
    void treatsAMissingLanguageAsJavaAndAnUnknownOneAsOther() {
        assertThat(decode("{\"code\":1}").language()).isEqualTo(LanguageCode.JAVA);
        assertThat(decode("{\"code\":1,\"language\":\"COBOL\"}").language()).isEqualTo(LanguageCode.OTHER);
    }

    @Test
    void treatsAbsentOrEmptyExtFieldsAsNone() {
        assertThat(decode("{\"code\":1}").extFields()).isEmpty();
        assertThat(decode("{\"code\":1,\"extFields\":{}}").extFields()).isEmpty();
    }

    @Test
    void decodesControlCharacterEscapesInProperties() {
        RemotingCommand command = decode("{\"code\":310,\"extFields\":{\"i\":\"TAGS\\u0001a\\u0002\"}}");

        assertThat(command.extField("i")).isEqualTo("TAGS\u0001a\u0002");
    }

    @Test
    void decodesEmptyBinaryStringsAsNotSet() {
        // code 34, remark length 0, ext: "a" -> "" and "b" -> "x"
        channel.writeInbound(Frames.hex(
                "00000028 01000024 0022 00 0201 00000005 00000000 00000000 0000000f 0001 61 00000000 0001 62 00000001 78"));
        RemotingCommand command = channel.readInbound();

        assertThat(command.remark()).isNull();
        assertThat(command.extFields()).containsOnly(Map.entry("b", "x"));
    }

    private RemotingCommand decode(String json) {
        ByteBuf frame = Frames.json(json);
        channel.writeInbound(frame);
        return channel.readInbound();
    }
}
