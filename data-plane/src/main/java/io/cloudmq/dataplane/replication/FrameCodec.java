package io.cloudmq.dataplane.replication;

import io.cloudmq.dataplane.replication.ReplicationFrame.Ack;
import io.cloudmq.dataplane.replication.ReplicationFrame.Data;
import io.cloudmq.dataplane.replication.ReplicationFrame.Heartbeat;
import io.cloudmq.dataplane.replication.ReplicationFrame.Hello;
import io.cloudmq.dataplane.replication.ReplicationFrame.Welcome;
import io.cloudmq.dataplane.store.meta.EpochEntry;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.zip.CRC32;

/**
 * Encodes and decodes replication frames for one protocol version. Every frame, big-endian:
 *
 * <pre>
 * | offset | size | field                                   |
 * |--------|------|-----------------------------------------|
 * | 0      | 4    | length of type + body                   |
 * | 4      | 1    | type: 1 HELLO, 2 WELCOME, 3 DATA,        |
 * |        |      |       4 HEARTBEAT, 5 ACK                |
 * | 5      | n    | body                                    |
 * </pre>
 *
 * HELLO (slave → master, first frame):
 * <pre>
 * | 0      | 4    | magic 0x434D5152 ("CMQR")                |
 * | 4      | 2    | lowest version the slave speaks          |
 * | 6      | 2    | highest version the slave speaks         |
 * | 8      | 8    | slave's commit-log end offset            |
 * | 16     | 4    | slave's commit-log file size             |
 * | 20     | 4    | epoch count k                            |
 * | 24     | 16k  | k × (epoch 8, start offset 8)            |
 * | v2:    | 2+m  | slave name: int16 length, UTF-8          |
 * | v3:    | 8    | the slave's clock, epoch milliseconds    |
 * |        | 32   | proof of the cluster's key               |
 * |        |      | ({@link ReplicationKey}); both fields    |
 * |        |      | absent from a HELLO without a proof      |
 * </pre>
 *
 * WELCOME (master → slave):
 * <pre>
 * | 0      | 2    | chosen version (0 when refused)          |
 * | 2      | 1    | status ({@link HandshakeStatus#code()})  |
 * | 3      | 8    | common offset: the slave cuts its log here |
 * | 11     | 8    | start offset of the first DATA chunk     |
 * | 19     | 8    | master's commit-log end offset           |
 * | 27     | 4    | epoch count k                            |
 * | 31     | 16k  | k × (epoch 8, start offset 8)            |
 * </pre>
 *
 * DATA (master → slave): version 1 {@code offset 8 | bytes n}; versions 2 and 3
 * {@code offset 8 | master end offset 8 | CRC32 of the bytes 4 | bytes n}. HEARTBEAT:
 * {@code master end offset 8}. ACK (slave → master): {@code confirmed offset 8}.
 *
 * <p>Version negotiation: HELLO and WELCOME are exchanged before a version is agreed, so their layout
 * only ever grows at the end: a writer writes the fields of its highest version, a reader reads the
 * fields it knows and ignores the rest. The master answers the highest version both ranges contain
 * ({@link #negotiate}); every later frame uses that version's layout. A version-1 peer therefore works
 * with a version-2 peer in either role, and a version-3 slave with an older master (a rolling upgrade restarts
 * slaves first); a version-3 master accepts only slaves that authenticate, so version 3 or later.
 *
 * <p>Threading: stateless apart from the version; one instance may be shared.
 */
public final class FrameCodec {
    /** First protocol version. */
    public static final int V1 = 1;
    /** Adds the slave name to HELLO and the master end offset and a CRC to DATA. */
    public static final int V2 = 2;
    /** Adds the slave's clock and its proof of the cluster's key to HELLO. */
    public static final int V3 = 3;
    /** Highest version this code speaks. */
    public static final int CURRENT = V3;
    static final int MAGIC = 0x434D5152;
    /** Largest accepted frame: a chunk of whole records, 4 MiB bodies included. */
    static final int MAX_FRAME_LENGTH = 64 * 1024 * 1024;

    private static final byte HELLO = 1;
    private static final byte WELCOME = 2;
    private static final byte DATA = 3;
    private static final byte HEARTBEAT = 4;
    private static final byte ACK = 5;

    private final int version;

    public FrameCodec(int version) {
        if (version < V1 || version > CURRENT) {
            throw new IllegalArgumentException("unsupported version " + version);
        }
        this.version = version;
    }

    public int version() {
        return version;
    }

    /** The highest version in both ranges, if they overlap. */
    public static OptionalInt negotiate(int minA, int maxA, int minB, int maxB) {
        int chosen = Math.min(maxA, maxB);
        return chosen >= Math.max(minA, minB) ? OptionalInt.of(chosen) : OptionalInt.empty();
    }

    /** Writes one frame (not flushed). */
    public void write(DataOutputStream out, ReplicationFrame frame) throws IOException {
        byte type;
        ByteBuffer body;
        byte[] payload = new byte[0];
        if (frame instanceof Hello hello) {
            type = HELLO;
            body = encodeHello(hello);
        } else if (frame instanceof Welcome welcome) {
            type = WELCOME;
            body = encodeWelcome(welcome);
        } else if (frame instanceof Data data) {
            type = DATA;
            body = encodeDataHeader(data);
            payload = data.bytes();
        } else if (frame instanceof Heartbeat heartbeat) {
            type = HEARTBEAT;
            body = ByteBuffer.allocate(Long.BYTES).putLong(heartbeat.masterEndOffset());
        } else {
            type = ACK;
            body = ByteBuffer.allocate(Long.BYTES).putLong(((Ack) frame).confirmedOffset());
        }
        out.writeInt(1 + body.position() + payload.length);
        out.writeByte(type);
        out.write(body.array(), 0, body.position());
        out.write(payload);
    }

    /**
     * Reads one whole frame.
     *
     * @throws ReplicationProtocolException for a malformed frame (bad length, type, magic or CRC)
     * @throws java.io.EOFException if the stream ends, also in the middle of a frame
     */
    public ReplicationFrame read(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length < 1 || length > MAX_FRAME_LENGTH) {
            throw new ReplicationProtocolException("frame length " + length);
        }
        byte type = in.readByte();
        byte[] body = new byte[length - 1];
        in.readFully(body);
        ByteBuffer buffer = ByteBuffer.wrap(body);
        try {
            return switch (type) {
                case HELLO -> decodeHello(buffer);
                case WELCOME -> decodeWelcome(buffer);
                case DATA -> decodeData(buffer);
                case HEARTBEAT -> new Heartbeat(buffer.getLong());
                case ACK -> new Ack(buffer.getLong());
                default -> throw new ReplicationProtocolException("unknown frame type " + type);
            };
        } catch (BufferUnderflowException e) {
            throw new ReplicationProtocolException("frame type " + type + " too short: " + body.length + " bytes");
        }
    }

    /**
     * {@code frame} as the type the protocol requires at this point.
     *
     * @throws ReplicationProtocolException if it is another frame
     */
    public static <T extends ReplicationFrame> T expect(ReplicationFrame frame, Class<T> type)
            throws ReplicationProtocolException {
        if (!type.isInstance(frame)) {
            throw new ReplicationProtocolException("expected " + type.getSimpleName() + ", got "
                    + frame.getClass().getSimpleName());
        }
        return type.cast(frame);
    }

    private ByteBuffer encodeHello(Hello hello) {
        byte[] name = hello.slaveName().getBytes(StandardCharsets.UTF_8);
        byte[] proof = hello.proof();
        ByteBuffer buffer = ByteBuffer.allocate(24 + 16 * hello.epochs().size() + 2 + name.length + 8
                + proof.length);
        buffer.putInt(MAGIC).putShort((short) hello.minVersion()).putShort((short) hello.maxVersion())
                .putLong(hello.endOffset()).putInt(hello.fileSize());
        putEpochs(buffer, hello.epochs());
        if (version >= V2) {
            buffer.putShort((short) name.length).put(name);
        }
        if (version >= V3 && proof.length > 0) {
            buffer.putLong(hello.sentAtMillis()).put(proof);
        }
        return buffer;
    }

    private static Hello decodeHello(ByteBuffer buffer) throws ReplicationProtocolException {
        int magic = buffer.getInt();
        if (magic != MAGIC) {
            throw new ReplicationProtocolException("bad magic " + Integer.toHexString(magic));
        }
        int minVersion = buffer.getShort();
        int maxVersion = buffer.getShort();
        long endOffset = buffer.getLong();
        int fileSize = buffer.getInt();
        List<EpochEntry> epochs = getEpochs(buffer);
        String name = "";
        if (buffer.remaining() >= Short.BYTES) {
            byte[] bytes = new byte[buffer.getShort()];
            buffer.get(bytes);
            name = new String(bytes, StandardCharsets.UTF_8);
        }
        if (buffer.remaining() < Long.BYTES + ReplicationKey.PROOF_BYTES) {
            return new Hello(minVersion, maxVersion, endOffset, fileSize, epochs, name);
        }
        long sentAtMillis = buffer.getLong();
        byte[] proof = new byte[ReplicationKey.PROOF_BYTES];
        buffer.get(proof);
        return new Hello(minVersion, maxVersion, endOffset, fileSize, epochs, name, sentAtMillis, proof);
    }

    private static ByteBuffer encodeWelcome(Welcome welcome) {
        ByteBuffer buffer = ByteBuffer.allocate(31 + 16 * welcome.epochs().size());
        buffer.putShort((short) welcome.version()).put((byte) welcome.status().code())
                .putLong(welcome.commonOffset()).putLong(welcome.startOffset()).putLong(welcome.masterEndOffset());
        putEpochs(buffer, welcome.epochs());
        return buffer;
    }

    private static Welcome decodeWelcome(ByteBuffer buffer) throws ReplicationProtocolException {
        int version = buffer.getShort();
        HandshakeStatus status = HandshakeStatus.ofCode(buffer.get());
        return new Welcome(version, status, buffer.getLong(), buffer.getLong(), buffer.getLong(), getEpochs(buffer));
    }

    private ByteBuffer encodeDataHeader(Data data) {
        if (version == V1) {
            return ByteBuffer.allocate(Long.BYTES).putLong(data.offset());
        }
        return ByteBuffer.allocate(20).putLong(data.offset()).putLong(data.masterEndOffset())
                .putInt(crcOf(data.bytes()));
    }

    private Data decodeData(ByteBuffer buffer) throws ReplicationProtocolException {
        long offset = buffer.getLong();
        long masterEnd = version == V1 ? -1 : buffer.getLong();
        int crc = version == V1 ? 0 : buffer.getInt();
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        if (version >= V2 && crc != crcOf(bytes)) {
            throw new ReplicationProtocolException("DATA at " + offset + " fails its CRC");
        }
        return new Data(offset, masterEnd, bytes);
    }

    private static void putEpochs(ByteBuffer buffer, List<EpochEntry> epochs) {
        buffer.putInt(epochs.size());
        for (EpochEntry entry : epochs) {
            buffer.putLong(entry.epoch()).putLong(entry.startOffset());
        }
    }

    private static List<EpochEntry> getEpochs(ByteBuffer buffer) throws ReplicationProtocolException {
        int count = buffer.getInt();
        if (count < 0 || count > buffer.remaining() / 16) {
            throw new ReplicationProtocolException("epoch count " + count);
        }
        List<EpochEntry> epochs = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            epochs.add(new EpochEntry(buffer.getLong(), buffer.getLong()));
        }
        return epochs;
    }

    private static int crcOf(byte[] bytes) {
        CRC32 crc = new CRC32();
        crc.update(bytes);
        return (int) crc.getValue();
    }
}
