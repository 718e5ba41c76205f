package io.cloudmq.dataplane.store.commitlog;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

/**
 * Encodes and validates commit-log records. A record is exactly one message of a RocketMQ pull body
 * (spec §4.8, V1 magic), so a pull sends stored bytes as they are. Big-endian; offsets for IPv4 hosts:
 *
 * <pre>
 * | offset | size      | field                       | notes                                       |
 * |--------|-----------|-----------------------------|---------------------------------------------|
 * | 0      | 4         | TOTALSIZE                   | whole record                                |
 * | 4      | 4         | MAGICCODE                   | 0xDAA320A7 (V1: 1-byte topic length)        |
 * | 8      | 4         | BODYCRC                     | CRC32(body) &amp; 0x7FFFFFFF                |
 * | 12     | 4         | QUEUEID                     |                                             |
 * | 16     | 4         | FLAG                        |                                             |
 * | 20     | 8         | QUEUEOFFSET                 | consume-queue offset                        |
 * | 28     | 8         | PHYSICALOFFSET              | commit-log offset of this record            |
 * | 36     | 4         | SYSFLAG                     | 0x10 born host IPv6, 0x20 store host IPv6   |
 * | 40     | 8         | BORNTIMESTAMP               | ms                                          |
 * | 48     | 8 or 20   | BORNHOST                    | IP bytes + int32 port                       |
 * | 56     | 8         | STORETIMESTAMP              | ms                                          |
 * | 64     | 8 or 20   | STOREHOST                   | the node's advertised store address         |
 * | 72     | 4         | RECONSUMETIMES              |                                             |
 * | 76     | 8         | PREPARED TRANSACTION OFFSET |                                             |
 * | 84     | 4 + n     | BODY                        | length, bytes                               |
 * | ...    | 1 + n     | TOPIC                       | signed length byte, UTF-8 (at most 127)     |
 * | ...    | 2 + n     | PROPERTIES                  | int16 length, UTF-8 (at most 32767)         |
 * </pre>
 *
 * A file ends with an end-of-file blank: {@code TOTALSIZE} = bytes to the end of the file, magic
 * {@link #BLANK_MAGIC}, zeros, and the store time of the file's last record in the file's last 8 bytes
 * (retention reads a sealed file's age there). A validated record has a known magic, a size that
 * matches its length fields, and a matching body CRC.
 *
 * <p>Threading: stateless.
 */
public final class RecordCodec {
    /** V1 message magic (1-byte topic length). */
    public static final int MESSAGE_MAGIC_V1 = 0xDAA320A7;
    /** Magic of the end-of-file blank. */
    public static final int BLANK_MAGIC = 0xCBD43194;
    /** Smallest end-of-file blank: size, magic and the last store time. */
    public static final int MIN_BLANK = 16;
    /** Largest topic in the V1 layout, in UTF-8 bytes. */
    public static final int MAX_TOPIC_BYTES = 127;
    /** Largest properties string, in UTF-8 bytes. */
    public static final int MAX_PROPERTIES_BYTES = Short.MAX_VALUE;

    static final int MAGIC_POSITION = 4;
    static final int BODY_CRC_POSITION = 8;
    static final int QUEUE_ID_POSITION = 12;
    static final int QUEUE_OFFSET_POSITION = 20;
    static final int PHYSICAL_OFFSET_POSITION = 28;
    static final int SYS_FLAG_POSITION = 36;
    static final int BORN_HOST_POSITION = 48;
    static final int BORN_HOST_V6_FLAG = 0x10;
    static final int STORE_HOST_V6_FLAG = 0x20;
    /** Fixed part of a record: every field but the hosts, body, topic and properties bytes. */
    private static final int FIXED_SIZE = 75;

    private RecordCodec() {}

    /**
     * A message with its strings encoded once, ready to be sized and written.
     *
     * @param message the message
     * @param storeHost the node's store address
     * @param topic UTF-8 topic
     * @param properties UTF-8 properties
     */
    record Fields(IncomingMessage message, InetSocketAddress storeHost, byte[] topic, byte[] properties) {
        static Fields of(IncomingMessage message, InetSocketAddress storeHost) {
            return new Fields(message, storeHost, message.topic().getBytes(StandardCharsets.UTF_8),
                    message.properties().getBytes(StandardCharsets.UTF_8));
        }

        int size() {
            return FIXED_SIZE + hostSize(message.bornHost()) + hostSize(storeHost) + message.body().length
                    + topic.length + properties.length;
        }
    }

    /** Encoded size of {@code message} stored by {@code storeHost}. */
    public static int sizeOf(IncomingMessage message, InetSocketAddress storeHost) {
        return Fields.of(message, storeHost).size();
    }

    /** Writes one record at the position of {@code target}. */
    public static void encode(IncomingMessage message, InetSocketAddress storeHost, long physicalOffset,
            long queueOffset, long storeTimestamp, ByteBuffer target) {
        encode(Fields.of(message, storeHost), physicalOffset, queueOffset, storeTimestamp, target);
    }

    static void encode(Fields fields, long physicalOffset, long queueOffset, long storeTimestamp, ByteBuffer target) {
        IncomingMessage message = fields.message();
        int sysFlag = message.sysFlag() & ~(BORN_HOST_V6_FLAG | STORE_HOST_V6_FLAG);
        sysFlag |= isV6(message.bornHost()) ? BORN_HOST_V6_FLAG : 0;
        sysFlag |= isV6(fields.storeHost()) ? STORE_HOST_V6_FLAG : 0;
        target.putInt(fields.size())
                .putInt(MESSAGE_MAGIC_V1)
                .putInt(bodyCrc(ByteBuffer.wrap(message.body())))
                .putInt(message.queueId())
                .putInt(message.flag())
                .putLong(queueOffset)
                .putLong(physicalOffset)
                .putInt(sysFlag)
                .putLong(message.bornTimestamp());
        putHost(target, message.bornHost());
        target.putLong(storeTimestamp);
        putHost(target, fields.storeHost());
        target.putInt(message.reconsumeTimes())
                .putLong(message.preparedTransactionOffset())
                .putInt(message.body().length)
                .put(message.body())
                .put((byte) fields.topic().length)
                .put(fields.topic())
                .putShort((short) fields.properties().length)
                .put(fields.properties());
    }

    /** Overwrites the offsets and store time of the record starting at {@code position} of {@code record}. */
    static void assign(ByteBuffer record, int position, long physicalOffset, long queueOffset, long storeTimestamp) {
        record.putLong(position + QUEUE_OFFSET_POSITION, queueOffset)
                .putLong(position + PHYSICAL_OFFSET_POSITION, physicalOffset)
                .putLong(storeTimestampPosition(record, position), storeTimestamp);
    }

    /** Writes an end-of-file blank filling {@code target}'s remaining bytes. */
    public static void encodeBlank(long lastStoreTimestamp, ByteBuffer target) {
        int size = target.remaining();
        int start = target.position();
        target.putInt(size).putInt(BLANK_MAGIC);
        target.putLong(start + size - Long.BYTES, lastStoreTimestamp);
        target.position(start + size);
    }

    /**
     * Validates and decodes the record at {@code position} of {@code buffer}, reading at most up to
     * {@code limit}.
     */
    public static RecordScan scan(ByteBuffer buffer, int position, int limit) {
        if (limit - position < MIN_BLANK) {
            return RecordScan.NO_MORE_DATA;
        }
        int size = buffer.getInt(position);
        int magic = buffer.getInt(position + MAGIC_POSITION);
        if (size == 0 && magic == 0) {
            return RecordScan.NO_MORE_DATA;
        }
        if (magic == BLANK_MAGIC && size >= MIN_BLANK && position + size <= limit) {
            return RecordScan.blank(size);
        }
        if (magic != MESSAGE_MAGIC_V1 || size < FIXED_SIZE || size > limit - position) {
            return RecordScan.CORRUPT;
        }
        return decode(buffer.duplicate().position(position).limit(position + size).slice());
    }

    /** Whether the body CRC stored in a whole-record buffer matches its body. */
    public static boolean hasValidBodyCrc(ByteBuffer record) {
        RecordScan scan = decode(record.duplicate().slice());
        return scan.status() == RecordScan.Status.RECORD;
    }

    /** The queue offset field of a whole record. */
    public static long queueOffsetOf(ByteBuffer record) {
        return record.getLong(record.position() + QUEUE_OFFSET_POSITION);
    }

    /** The store time field of a whole record. */
    public static long storeTimestampOf(ByteBuffer record) {
        return record.getLong(storeTimestampPosition(record, record.position()));
    }

    private static int storeTimestampPosition(ByteBuffer buffer, int recordPosition) {
        int sysFlag = buffer.getInt(recordPosition + SYS_FLAG_POSITION);
        return recordPosition + BORN_HOST_POSITION + ((sysFlag & BORN_HOST_V6_FLAG) != 0 ? 20 : 8);
    }

    static int bodyCrc(ByteBuffer body) {
        CRC32 crc = new CRC32();
        crc.update(body);
        return (int) crc.getValue() & 0x7FFFFFFF;
    }

    private static RecordScan decode(ByteBuffer record) {
        int size = record.getInt(0);
        int sysFlag = record.getInt(SYS_FLAG_POSITION);
        int bornHostSize = (sysFlag & BORN_HOST_V6_FLAG) != 0 ? 20 : 8;
        int storeHostSize = (sysFlag & STORE_HOST_V6_FLAG) != 0 ? 20 : 8;
        int storeTimePosition = BORN_HOST_POSITION + bornHostSize;
        int bodyLengthPosition = storeTimePosition + Long.BYTES + storeHostSize + Integer.BYTES + Long.BYTES;
        if (bodyLengthPosition + Integer.BYTES > size) {
            return RecordScan.CORRUPT;
        }
        int bodyLength = record.getInt(bodyLengthPosition);
        int topicLengthPosition = bodyLengthPosition + Integer.BYTES + bodyLength;
        if (bodyLength < 0 || bodyLength > size || topicLengthPosition + 3 > size) {
            return RecordScan.CORRUPT;
        }
        int topicLength = record.get(topicLengthPosition);
        int propertiesLengthPosition = topicLengthPosition + 1 + topicLength;
        if (topicLength <= 0 || propertiesLengthPosition + 2 > size) {
            return RecordScan.CORRUPT;
        }
        int propertiesLength = record.getShort(propertiesLengthPosition);
        if (propertiesLength < 0 || propertiesLengthPosition + 2 + propertiesLength != size) {
            return RecordScan.CORRUPT;
        }
        ByteBuffer body = record.duplicate().position(bodyLengthPosition + Integer.BYTES).limit(topicLengthPosition);
        if (bodyCrc(body) != record.getInt(BODY_CRC_POSITION)) {
            return RecordScan.CORRUPT;
        }
        String topic = utf8(record, topicLengthPosition + 1, topicLength);
        String properties = utf8(record, propertiesLengthPosition + 2, propertiesLength);
        return RecordScan.record(new RecordHeader(size, topic, record.getInt(QUEUE_ID_POSITION),
                record.getLong(QUEUE_OFFSET_POSITION), record.getLong(PHYSICAL_OFFSET_POSITION),
                record.getLong(storeTimePosition), properties));
    }

    private static String utf8(ByteBuffer record, int position, int length) {
        byte[] bytes = new byte[length];
        record.get(position, bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static void putHost(ByteBuffer target, InetSocketAddress host) {
        target.put(host.getAddress().getAddress()).putInt(host.getPort());
    }

    private static boolean isV6(InetSocketAddress host) {
        return host.getAddress().getAddress().length == 16;
    }

    private static int hostSize(InetSocketAddress host) {
        return host.getAddress().getAddress().length + Integer.BYTES;
    }
}
