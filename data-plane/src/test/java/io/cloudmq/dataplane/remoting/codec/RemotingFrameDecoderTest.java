package io.cloudmq.dataplane.remoting.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cloudmq.dataplane.remoting.protocol.LanguageCode;
import io.cloudmq.dataplane.remoting.protocol.RemotingCommand;
import io.cloudmq.dataplane.remoting.protocol.SerializeType;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.CorruptedFrameException;
import io.netty.handler.codec.TooLongFrameException;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RemotingFrameDecoderTest {
    /** The exact bytes the 5.5.0 client sends for GET_ROUTEINFO_BY_TOPIC (spec §1.3). */
    private static final String CLIENT_ROUTE_REQUEST = "{\"code\":105,\"extFields\":{\"topic\":\"TopicTest\"},\"flag\":0,"
            + "\"language\":\"JAVA\",\"opaque\":0,\"serializeTypeCurrentRPC\":\"JSON\",\"version\":513}";

    private final EmbeddedChannel channel = new EmbeddedChannel(new RemotingFrameDecoder(1024));

    @AfterEach
    void nothingLeftOver() {
        assertThat(channel.finishAndReleaseAll()).isFalse();
    }

    @Test
    void decodesTheClientsJsonRouteRequest() {
        ByteBuf frame = Frames.json(CLIENT_ROUTE_REQUEST);
        assertThat(frame.getInt(0)).isEqualTo(0x87);
        assertThat(frame.getInt(4)).isEqualTo(0x83);

        channel.writeInbound(frame);

        RemotingCommand command = channel.readInbound();
        assertThat(command.code()).isEqualTo(105);
        assertThat(command.extFields()).containsExactly(Map.entry("topic", "TopicTest"));
        assertThat(command.version()).isEqualTo(513);
        assertThat(command.language()).isEqualTo(LanguageCode.JAVA);
        assertThat(command.serializeType()).isEqualTo(SerializeType.JSON);
        assertThat(command.isResponse()).isFalse();
        assertThat(command.body()).isEmpty();
        assertThat(frame.refCnt()).isZero();
    }

    @Test
    void decodesTheSpecsBinaryRouteRequest() {
        channel.writeInbound(Frames.hex(
                "00000025 01000021 0069 00 0201 00000001 00000000 00000000 0000000c 0005 746f706963 00000001 54"));

        RemotingCommand command = channel.readInbound();
        assertThat(command.code()).isEqualTo(105);
        assertThat(command.opaque()).isEqualTo(1);
        assertThat(command.remark()).isNull();
        assertThat(command.extFields()).containsExactly(Map.entry("topic", "T"));
        assertThat(command.serializeType()).isEqualTo(SerializeType.ROCKETMQ);
    }

    @Test
    void assemblesAFrameDeliveredOneByteAtATime() {
        ByteBuf frame = Frames.json(CLIENT_ROUTE_REQUEST, new byte[] {1, 2, 3});
        while (frame.isReadable()) {
            assertThat((Object) channel.readInbound()).isNull();
            channel.writeInbound(frame.readRetainedSlice(1));
        }
        frame.release();

        RemotingCommand command = channel.readInbound();
        assertThat(command.body()).containsExactly(1, 2, 3);
    }

    @Test
    void decodesTwoFramesFromOneBuffer() {
        channel.writeInbound(Unpooled.wrappedBuffer(
                Frames.json("{\"code\":1,\"opaque\":1}"), Frames.json("{\"code\":2,\"opaque\":2}", new byte[] {9})));

        assertThat(((RemotingCommand) channel.readInbound()).opaque()).isEqualTo(1);
        RemotingCommand second = channel.readInbound();
        assertThat(second.opaque()).isEqualTo(2);
        assertThat(second.body()).containsExactly(9);
    }

    @Test
    void rejectsAHeaderLongerThanTheFrameAndDiscardsTheRest() {
        ByteBuf frame = Unpooled.buffer().writeInt(8).writeInt(100).writeLong(0);

        assertThatThrownBy(() -> channel.writeInbound(frame)).isInstanceOf(CorruptedFrameException.class);
        channel.writeInbound(Frames.json("{\"code\":1}"));

        assertThat((Object) channel.readInbound()).isNull();
        assertThat(frame.refCnt()).isZero();
    }

    @Test
    void rejectsAnOversizeLengthPrefixBeforeTheFrameArrives() {
        ByteBuf prefix = Unpooled.buffer().writeInt(0x7FFFFFF0);

        assertThatThrownBy(() -> channel.writeInbound(prefix)).isInstanceOf(TooLongFrameException.class);
        assertThat(prefix.refCnt()).isZero();
    }

    @Test
    void rejectsAFrameOneByteOverTheLimit() {
        ByteBuf frame = Unpooled.buffer().writeInt(1024 - 4 + 1);

        assertThatThrownBy(() -> channel.writeInbound(frame)).isInstanceOf(TooLongFrameException.class);
    }

    @Test
    void rejectsANegativeLengthPrefix() {
        assertThatThrownBy(() -> channel.writeInbound(Unpooled.buffer().writeInt(0x80000000)))
                .isInstanceOf(CorruptedFrameException.class);
    }

    @Test
    void rejectsAnUnknownSerializeType() {
        ByteBuf frame = Unpooled.buffer().writeInt(6).writeInt(0x02000002).writeShort(0);

        assertThatThrownBy(() -> channel.writeInbound(frame)).isInstanceOf(CorruptedFrameException.class);
    }

    @Test
    void rejectsMalformedJson() {
        assertThatThrownBy(() -> channel.writeInbound(Frames.json("{\"code\":")))
                .isInstanceOf(CorruptedFrameException.class);
    }

    @Test
    void rejectsABinaryExtFieldRunningPastTheHeader() {
        ByteBuf frame = Frames.hex("00000025 01000021 0069 00 0201 00000001 00000000 00000000 0000000c 0005 746f706963 000000ff 54");

        assertThatThrownBy(() -> channel.writeInbound(frame)).isInstanceOf(CorruptedFrameException.class);
    }
}
