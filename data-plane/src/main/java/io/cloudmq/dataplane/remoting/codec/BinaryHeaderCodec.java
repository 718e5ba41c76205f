package io.cloudmq.dataplane.remoting.codec;

import io.cloudmq.dataplane.remoting.protocol.ExtFields;
import io.cloudmq.dataplane.remoting.protocol.LanguageCode;
import io.cloudmq.dataplane.remoting.protocol.RemotingCommand;
import io.cloudmq.dataplane.remoting.protocol.SerializeType;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.handler.codec.CorruptedFrameException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The ROCKETMQ binary header format (serialize type 1, spec §1.4), as RocketMQ's
 * {@code RocketMQSerializable}. All integers big-endian, strings UTF-8. Stateless and thread-safe.
 *
 * <pre>
 * | field          | size | notes                                                   |
 * |----------------|------|---------------------------------------------------------|
 * | code           | 2    | int16; codes above 32767 cannot be written              |
 * | languageCode   | 1    | {@link LanguageCode#code()}                              |
 * | version        | 2    | int16                                                   |
 * | opaque         | 4    |                                                         |
 * | flag           | 4    |                                                         |
 * | remarkLength   | 4    | 0 = null remark                                         |
 * | remark         | n    |                                                         |
 * | extFieldsLength| 4    | bytes of the entries that follow                        |
 * | entries        | n    | repeated: int16 keyLength, key, int32 valueLength, value |
 * </pre>
 *
 * An entry whose value length is 0 decodes as "not set", as the client decodes it as null (spec §8.4
 * item 9). Any length running past the header is a corrupted frame.
 */
final class BinaryHeaderCodec {
    private static final int FIXED_PART = 2 + 1 + 2 + 4 + 4 + 4 + 4;

    private BinaryHeaderCodec() {}

    static void encode(RemotingCommand command, ByteBuf out) {
        if (command.code() > Short.MAX_VALUE || command.code() < Short.MIN_VALUE) {
            throw new IllegalArgumentException("code " + command.code() + " does not fit the ROCKETMQ header");
        }
        out.writeShort(command.code());
        out.writeByte(command.language().code());
        out.writeShort(command.version());
        out.writeInt(command.opaque());
        out.writeInt(command.flag());
        writeIntPrefixed(out, command.remark());
        int lengthIndex = out.writerIndex();
        out.writeInt(0);
        for (Map.Entry<String, String> field : command.extFields().entrySet()) {
            int keyLengthIndex = out.writerIndex();
            out.writeShort(0);
            int keyLength = ByteBufUtil.writeUtf8(out, field.getKey());
            out.setShort(keyLengthIndex, keyLength);
            writeIntPrefixed(out, field.getValue());
        }
        out.setInt(lengthIndex, out.writerIndex() - lengthIndex - 4);
    }

    static RemotingCommand decode(ByteBuf in, int length, byte[] body) {
        ByteBuf header = in.readSlice(length);
        if (length < FIXED_PART) {
            throw new CorruptedFrameException("binary header of " + length + " bytes is too short");
        }
        int code = header.readShort();
        LanguageCode language = LanguageCode.fromCode(header.readByte());
        int version = header.readShort();
        int opaque = header.readInt();
        int flag = header.readInt();
        String remark = readString(header, Integer.BYTES);
        ExtFields extFields = readExtFields(header.readSlice(readLength(header, Integer.BYTES)));
        return new RemotingCommand(
                code, language, version, opaque, flag, remark, extFields, body, SerializeType.ROCKETMQ);
    }

    private static ExtFields readExtFields(ByteBuf fields) {
        ExtFields.Builder result = ExtFields.builder();
        while (fields.isReadable()) {
            String key = readString(fields, Short.BYTES);
            String value = readString(fields, Integer.BYTES);
            if (key != null && value != null) {
                result.put(key, value);
            }
        }
        return result.build();
    }

    /** Reads a string prefixed by its length in {@code width} bytes; length 0 is null. */
    private static @Nullable String readString(ByteBuf in, int width) {
        int length = readLength(in, width);
        return length == 0 ? null : in.readCharSequence(length, StandardCharsets.UTF_8).toString();
    }

    private static int readLength(ByteBuf in, int width) {
        if (in.readableBytes() < width) {
            throw new CorruptedFrameException("binary header ends inside a length field");
        }
        int length = width == Short.BYTES ? in.readUnsignedShort() : in.readInt();
        if (length < 0 || length > in.readableBytes()) {
            throw new CorruptedFrameException("binary header length " + length + " runs past the header");
        }
        return length;
    }

    private static void writeIntPrefixed(ByteBuf out, @Nullable String value) {
        int lengthIndex = out.writerIndex();
        out.writeInt(0);
        if (value != null) {
            out.setInt(lengthIndex, ByteBufUtil.writeUtf8(out, value));
        }
    }
}
