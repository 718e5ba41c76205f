package io.cloudmq.dataplane.remoting.codec;

import io.cloudmq.dataplane.remoting.protocol.LanguageCode;
import io.cloudmq.dataplane.remoting.protocol.RemotingCommand;
import io.cloudmq.dataplane.remoting.protocol.SerializeType;
import io.cloudmq.dataplane.remoting.protocol.body.RemotingJson;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufInputStream;
import io.netty.buffer.ByteBufOutputStream;
import io.netty.handler.codec.CorruptedFrameException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;

/**
 * The JSON header format (serialize type 0, spec §1.3), the client's default. Stateless and thread-safe.
 *
 * <p>Written: {@code {"code":105,"extFields":{"topic":"T"},"flag":1,"language":"JAVA","opaque":7,
 * "remark":"...","version":513}} with keys in alphabetical order and {@code remark} omitted when null.
 * Read, tolerating what fastjson2 tolerates (spec §8.4): numbers sent as strings ({@code "flag":"1"}),
 * numbers and booleans inside {@code extFields} (stringified), null ext values (dropped), unknown fields
 * such as {@code serializeTypeCurrentRPC} (ignored), a missing {@code language} (JAVA) and an unknown one
 * (OTHER). Control characters in values are escaped as {@code \u0001} by the JSON writer.
 */
final class JsonHeaderCodec {
    private JsonHeaderCodec() {}

    static void encode(RemotingCommand command, ByteBuf out) {
        JsonHeader header = new JsonHeader(
                command.code(),
                command.language().name(),
                command.version(),
                command.opaque(),
                command.flag(),
                command.remark(),
                command.extFields());
        try (OutputStream stream = new ByteBufOutputStream(out)) {
            RemotingJson.mapper().writeValue(stream, header);
        } catch (IOException e) {
            throw new IllegalStateException("writing to a buffer cannot fail", e);
        }
    }

    /** Reads {@code length} header bytes from {@code in}; malformed JSON is a corrupted frame. */
    static RemotingCommand decode(ByteBuf in, int length, byte[] body) {
        JsonHeader header;
        try (InputStream stream = new ByteBufInputStream(in.readSlice(length))) {
            header = RemotingJson.mapper().readValue(stream, JsonHeader.class);
        } catch (JacksonException | IOException e) {
            throw new CorruptedFrameException("malformed JSON header: " + e.getMessage(), e);
        }
        return new RemotingCommand(
                header.code(),
                LanguageCode.fromName(header.language()),
                header.version(),
                header.opaque(),
                header.flag(),
                header.remark(),
                withoutNullValues(header.extFields()),
                body,
                SerializeType.JSON);
    }

    private static Map<String, String> withoutNullValues(@Nullable Map<String, @Nullable String> fields) {
        if (fields == null) {
            return Map.of();
        }
        Map<String, String> result = new HashMap<>(fields.size() * 2);
        fields.forEach((key, value) -> {
            if (value != null) {
                result.put(key, value);
            }
        });
        return result;
    }
}
