package io.cloudmq.dataplane.replication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cloudmq.dataplane.replication.ReplicationFrame.Ack;
import io.cloudmq.dataplane.replication.ReplicationFrame.Data;
import io.cloudmq.dataplane.replication.ReplicationFrame.Heartbeat;
import io.cloudmq.dataplane.replication.ReplicationFrame.Hello;
import io.cloudmq.dataplane.replication.ReplicationFrame.Welcome;
import io.cloudmq.dataplane.store.meta.EpochEntry;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class FrameCodecTest {
    private static final List<EpochEntry> EPOCHS = List.of(new EpochEntry(1, 0), new EpochEntry(3, 65_536));
    private static final ReplicationKey KEY = ReplicationKey.of("cluster-node-token");

    private static byte[] encode(int version, ReplicationFrame frame) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        new FrameCodec(version).write(out, frame);
        out.flush();
        return bytes.toByteArray();
    }

    private static ReplicationFrame decode(int version, byte[] bytes) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes));
        ReplicationFrame frame = new FrameCodec(version).read(in);
        assertThat(in.available()).as("bytes left after the frame").isZero();
        return frame;
    }

    @Test
    void everyFrameRoundTripsInEveryVersion() throws IOException {
        for (int version = FrameCodec.V1; version <= FrameCodec.CURRENT; version++) {
            Hello hello = version >= FrameCodec.V3
                    ? new Hello(1, 3, 123_456, 65_536, EPOCHS, "broker-a-1", 1_700_000_000_000L,
                            KEY.prove("broker-a-1", 1_700_000_000_000L))
                    : new Hello(1, 2, 123_456, 65_536, EPOCHS, version == FrameCodec.V1 ? "" : "broker-a-1");
            Welcome welcome = new Welcome(version, HandshakeStatus.OK, 800, 800, 9_000, EPOCHS);
            assertThat(decode(version, encode(version, hello))).isEqualTo(hello);
            assertThat(decode(version, encode(version, welcome))).isEqualTo(welcome);
            assertThat(decode(version, encode(version, new Heartbeat(77)))).isEqualTo(new Heartbeat(77));
            assertThat(decode(version, encode(version, new Ack(78)))).isEqualTo(new Ack(78));
            Data data = (Data) decode(version, encode(version, new Data(4096, 5000, new byte[] {1, 2, 3})));
            assertThat(data.offset()).isEqualTo(4096);
            assertThat(data.bytes()).containsExactly(1, 2, 3);
            assertThat(data.masterEndOffset()).isEqualTo(version == FrameCodec.V1 ? -1 : 5000);
        }
    }

    @Test
    void dataFramesFollowTheLayoutOfTheNegotiatedVersion() throws IOException {
        byte[] v1 = encode(FrameCodec.V1, new Data(4096, 5000, new byte[] {9}));
        byte[] v2 = encode(FrameCodec.V2, new Data(4096, 5000, new byte[] {9}));

        assertThat(ByteBuffer.wrap(v1).getInt()).isEqualTo(1 + 8 + 1);
        assertThat(ByteBuffer.wrap(v2).getInt()).isEqualTo(1 + 8 + 8 + 4 + 1);
        assertThat(ByteBuffer.wrap(v2).getLong(13)).as("master end offset").isEqualTo(5000);
    }

    @Test
    void aVersion2HelloStartsWithTheWholeVersion1HelloSoAVersion1MasterReadsIt() throws IOException {
        byte[] v1 = encode(FrameCodec.V1, new Hello(1, 2, 10, 4096, EPOCHS, "broker-a-1"));
        byte[] v2 = encode(FrameCodec.V2, new Hello(1, 2, 10, 4096, EPOCHS, "broker-a-1"));

        assertThat(Arrays.copyOfRange(v2, 4, v1.length)).isEqualTo(Arrays.copyOfRange(v1, 4, v1.length));
        assertThat(v2.length).isEqualTo(v1.length + 2 + "broker-a-1".length());
        assertThat(((Hello) decode(FrameCodec.V2, v1)).slaveName()).isEmpty();
    }

    @Test
    void aVersion3HelloStartsWithTheWholeVersion2HelloAndAddsTheClockAndTheProof() throws IOException {
        Hello authenticated = new Hello(1, 3, 10, 4096, EPOCHS, "broker-a-1", 42, KEY.prove("broker-a-1", 42));
        byte[] v2 = encode(FrameCodec.V2, authenticated);
        byte[] v3 = encode(FrameCodec.V3, authenticated);

        assertThat(Arrays.copyOfRange(v3, 4, v2.length)).isEqualTo(Arrays.copyOfRange(v2, 4, v2.length));
        assertThat(v3.length).isEqualTo(v2.length + 8 + ReplicationKey.PROOF_BYTES);
        Hello readByAVersion2Master = (Hello) decode(FrameCodec.V2, v2);
        assertThat(readByAVersion2Master.slaveName()).isEqualTo("broker-a-1");
        assertThat(readByAVersion2Master.proof()).isEmpty();
        assertThat(decode(FrameCodec.V3, v3)).isEqualTo(authenticated);
        assertThat(encode(FrameCodec.V3, new Hello(1, 3, 10, 4096, EPOCHS, "broker-a-1")))
                .as("a HELLO without a proof has no clock either").hasSize(v2.length);
    }

    @Test
    void theHighestCommonVersionIsChosen() {
        assertThat(FrameCodec.negotiate(1, 2, 1, 2)).hasValue(2);
        assertThat(FrameCodec.negotiate(1, 2, 1, 1)).hasValue(1);
        assertThat(FrameCodec.negotiate(1, 1, 1, 2)).hasValue(1);
        assertThat(FrameCodec.negotiate(2, 2, 1, 1)).isEmpty();
    }

    @Test
    void malformedFramesAreProtocolErrors() throws IOException {
        byte[] hello = encode(FrameCodec.V2, new Hello(1, 2, 10, 4096, EPOCHS, "s"));
        hello[5] ^= 1;
        assertThatThrownBy(() -> decode(FrameCodec.V2, hello)).isInstanceOf(ReplicationProtocolException.class)
                .hasMessageContaining("magic");
        byte[] data = encode(FrameCodec.V2, new Data(0, 0, new byte[] {1, 2, 3}));
        data[data.length - 1] ^= 1;
        assertThatThrownBy(() -> decode(FrameCodec.V2, data)).hasMessageContaining("CRC");
        byte[] unknownType = {0, 0, 0, 1, 42};
        assertThatThrownBy(() -> decode(FrameCodec.V2, unknownType)).hasMessageContaining("unknown frame type");
        byte[] oversize = ByteBuffer.allocate(5).putInt(FrameCodec.MAX_FRAME_LENGTH + 1).put((byte) 3).array();
        assertThatThrownBy(() -> decode(FrameCodec.V2, oversize)).hasMessageContaining("frame length");
        byte[] shortAck = {0, 0, 0, 3, 5, 0, 0};
        assertThatThrownBy(() -> decode(FrameCodec.V2, shortAck)).hasMessageContaining("too short");
    }

    @Test
    void aFrameCutShortEndsTheStream() throws IOException {
        byte[] data = encode(FrameCodec.V2, new Data(0, 0, new byte[100]));

        assertThatThrownBy(() -> decode(FrameCodec.V2, Arrays.copyOf(data, data.length - 1)))
                .isInstanceOf(EOFException.class);
    }
}
