package io.cloudmq.dataplane.remoting.codec;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudmq.dataplane.remoting.protocol.LanguageCode;
import io.cloudmq.dataplane.remoting.protocol.RemotingCommand;
import io.cloudmq.dataplane.remoting.protocol.SerializeType;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RemotingFrameEncoderTest {
    private final EmbeddedChannel channel = new EmbeddedChannel(new RemotingFrameEncoder());

    @AfterEach
    void nothingLeftOver() {
        assertThat(channel.finishAndReleaseAll()).isFalse();
    }

    @Test
    void writesTheSpecsBinaryRouteRequestByteForByte() {
        RemotingCommand command = RemotingCommand.request(105, Map.of("topic", "T"))
                .withOpaque(1)
                .withSerializeType(SerializeType.ROCKETMQ);

        assertThat(hexOf(encode(command)))
                .isEqualTo(("00000025 01000021 0069 00 0201 00000001 00000000 00000000 0000000c 0005 746f706963 00000001 54")
                        .replace(" ", ""));
    }

    @Test
    void writesJsonHeaderKeysAlphabeticallyAndOmitsANullRemark() {
        RemotingCommand request = RemotingCommand.request(105, Map.of("topic", "T")).withOpaque(7);
        RemotingCommand response = RemotingCommand.responseTo(request, 0, null).withExtFields(Map.of("k", "v"));

        ByteBuf frame = encode(response);
        int headerLength = frame.getInt(4);
        assertThat(frame.getInt(0)).isEqualTo(4 + headerLength);
        assertThat(frame.toString(8, headerLength, StandardCharsets.UTF_8))
                .isEqualTo("{\"code\":0,\"extFields\":{\"k\":\"v\"},\"flag\":1,\"language\":\"JAVA\",\"opaque\":7,"
                        + "\"version\":513}");
        frame.release();
    }

    @Test
    void answersInTheFormatOfTheRequest() {
        RemotingCommand request = RemotingCommand.request(105, Map.of()).withSerializeType(SerializeType.ROCKETMQ);

        ByteBuf frame = encode(RemotingCommand.responseTo(request, 17, "no route"));

        assertThat(frame.getByte(4)).isEqualTo((byte) 1);
        frame.release();
    }

    @Test
    void escapesControlCharactersOfPropertiesInJson() {
        RemotingCommand command = RemotingCommand.request(310, Map.of("i", "KEYS\u0001k1\u0002"));

        ByteBuf frame = encode(command);

        assertThat(frame.toString(StandardCharsets.UTF_8)).contains("\"i\":\"KEYS\\u0001k1\\u0002\"");
        frame.release();
    }

    @Test
    void roundTripsBothFormatsWithBodyRemarkAndExtFields() {
        for (SerializeType type : SerializeType.values()) {
            RemotingCommand sent = new RemotingCommand(
                    310, LanguageCode.GO, 401, 42, RemotingCommand.ONEWAY_FLAG, "rémark",
                    Map.of("a", "PG", "i", "KEYS\u0001k\u0002"), new byte[] {1, 2, 3}, type);

            EmbeddedChannel decoder = new EmbeddedChannel(new RemotingFrameDecoder(1 << 20));
            decoder.writeInbound(encode(sent));
            RemotingCommand received = decoder.readInbound();
            assertThat(decoder.finishAndReleaseAll()).isFalse();

            assertThat(received).usingRecursiveComparison().isEqualTo(sent);
        }
    }

    /** Encodes and merges the outbound buffers (prefix + header, then the wrapped body) into one. */
    private ByteBuf encode(RemotingCommand command) {
        channel.writeOutbound(command);
        ByteBuf frame = Unpooled.buffer();
        for (ByteBuf part; (part = channel.readOutbound()) != null; ) {
            frame.writeBytes(part);
            part.release();
        }
        return frame;
    }

    private static String hexOf(ByteBuf frame) {
        String hex = ByteBufUtil.hexDump(frame);
        frame.release();
        return hex;
    }
}
