package io.cloudmq.dataplane.remoting.codec;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.cloudmq.dataplane.remoting.protocol.LanguageCode;
import io.cloudmq.dataplane.remoting.protocol.RemotingCommand;
import io.cloudmq.dataplane.remoting.protocol.SerializeType;
import io.cloudmq.dataplane.remoting.protocol.body.RemotingJson;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The hand-written JSON header codec against Jackson, over many random headers. */
class JsonHeaderRoundTripTest {
    private static final int HEADERS = 2_000;

    private static byte[] written(RemotingCommand command) {
        ByteBuf out = Unpooled.buffer();
        JsonHeaderWriter.write(command, out);
        return ByteBufUtil.getBytes(out);
    }

    private static RemotingCommand read(byte[] json) {
        return JsonHeaderReader.read(Unpooled.wrappedBuffer(json), new byte[0]);
    }

    @Test
    void readsWhatJacksonWritesAsJacksonReadsIt() {
        RandomHeaders headers = new RandomHeaders(1);
        for (int i = 0; i < HEADERS; i++) {
            RemotingCommand command = headers.next(8);
            byte[] jackson = JacksonHeader.of(command).toJson();

            assertThat(JacksonHeader.of(read(jackson))).isEqualTo(JacksonHeader.parse(jackson));
        }
    }

    @Test
    void writesWhatJacksonReadsAsTheSameHeaderAndTheSameTreeJacksonWrites() {
        RandomHeaders headers = new RandomHeaders(2);
        for (int i = 0; i < HEADERS; i++) {
            RemotingCommand command = headers.next(8);
            byte[] ours = written(command);

            assertThat(JacksonHeader.parse(ours)).isEqualTo(JacksonHeader.of(command));
            assertThat(RemotingJson.mapper().readTree(ours))
                    .isEqualTo(RemotingJson.mapper().readTree(JacksonHeader.of(command).toJson()));
        }
    }

    @Test
    void writesTheSameBytesAsJacksonWhenTheExtFieldsOrderCannotDiffer() {
        RandomHeaders headers = new RandomHeaders(3);
        for (int i = 0; i < HEADERS; i++) {
            RemotingCommand command = headers.next(1);

            assertThat(new String(written(command), UTF_8))
                    .isEqualTo(new String(JacksonHeader.of(command).toJson(), UTF_8));
        }
    }

    @Test
    void writesHeadersLongerThanItsFirstBufferAsJacksonDoes() {
        RemotingCommand command = new RemotingCommand(Integer.MIN_VALUE, LanguageCode.JAVA, Integer.MAX_VALUE, -1, 0,
                "é\"\u0001😀x".repeat(300), Map.of("properties", "KEYS\u0001k\u0002".repeat(100)), new byte[0],
                SerializeType.JSON);

        assertThat(new String(written(command), UTF_8)).isEqualTo(new String(JacksonHeader.of(command).toJson(), UTF_8));
    }

    @Test
    void readsBackWhatItWrites() {
        RandomHeaders headers = new RandomHeaders(4);
        for (int i = 0; i < HEADERS; i++) {
            RemotingCommand command = headers.next(8);

            assertThat(JacksonHeader.of(read(written(command)))).isEqualTo(JacksonHeader.of(command));
        }
    }
}
