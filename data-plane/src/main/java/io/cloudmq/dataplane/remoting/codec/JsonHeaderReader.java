package io.cloudmq.dataplane.remoting.codec;

import io.cloudmq.dataplane.remoting.protocol.ExtFields;
import io.cloudmq.dataplane.remoting.protocol.LanguageCode;
import io.cloudmq.dataplane.remoting.protocol.RemotingCommand;
import io.cloudmq.dataplane.remoting.protocol.SerializeType;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.handler.codec.CorruptedFrameException;
import org.jspecify.annotations.Nullable;

/**
 * Reads one JSON header object (spec §1.3) from UTF-8 bytes, without a general-purpose JSON library: the
 * header is a flat object, read once per frame, so a strict single-pass reader over the bytes does it
 * with one string per value (field names the client sends often are shared, {@link KnownNames}) and one
 * {@link ExtFields}.
 *
 * <table>
 *   <caption>Accepted input (anything else is a {@link CorruptedFrameException})</caption>
 *   <tr><th>key</th><th>value</th></tr>
 *   <tr><td>{@code code}, {@code version}, {@code opaque}, {@code flag}</td><td>an int, as a JSON integer
 *       or a string holding one ({@code "flag":"1"}, spec §8.4); {@code null} is 0</td></tr>
 *   <tr><td>{@code language}</td><td>a name ({@link LanguageCode#fromName}: missing or null is JAVA,
 *       unknown is OTHER)</td></tr>
 *   <tr><td>{@code remark}</td><td>a string or null</td></tr>
 *   <tr><td>{@code extFields}</td><td>null or an object of scalar values: strings, numbers and booleans
 *       (kept as their JSON text), nulls (dropped)</td></tr>
 *   <tr><td>any other key ({@code serializeTypeCurrentRPC}, ...)</td><td>any JSON value, skipped (nested
 *       at most {@value #MAX_DEPTH} deep)</td></tr>
 * </table>
 *
 * <p>Syntax is RFC 8259 JSON ({@link JsonTokens}) with nothing but whitespace after the object. A key given
 * twice keeps its last value.
 *
 * <p>Threading: one instance reads one header on one thread; create one per frame.
 */
final class JsonHeaderReader {
    private static final int MAX_DEPTH = 32;

    private final JsonTokens tokens;

    private JsonHeaderReader(byte[] json) {
        this.tokens = new JsonTokens(json);
    }

    /** Decodes the whole of {@code header} (JSON serialize type) into a command carrying {@code body}. */
    static RemotingCommand read(ByteBuf header, byte[] body) {
        return new JsonHeaderReader(ByteBufUtil.getBytes(header)).command(body);
    }

    private RemotingCommand command(byte[] body) {
        int code = 0;
        int version = 0;
        int opaque = 0;
        int flag = 0;
        @Nullable String language = null;
        @Nullable String remark = null;
        ExtFields extFields = ExtFields.EMPTY;
        tokens.expect('{');
        if (!tokens.consumeIf('}')) {
            do {
                String key = tokens.name();
                tokens.expect(':');
                switch (key) {
                    case "code" -> code = intValue(key);
                    case "version" -> version = intValue(key);
                    case "opaque" -> opaque = intValue(key);
                    case "flag" -> flag = intValue(key);
                    case "language" -> language = scalarOrNull(key);
                    case "remark" -> remark = scalarOrNull(key);
                    case "extFields" -> extFields = extFields();
                    default -> skipValue(0);
                }
            } while (tokens.consumeIf(','));
            tokens.expect('}');
        }
        if (!tokens.atEnd()) {
            throw malformed("content after the header object");
        }
        return new RemotingCommand(code, LanguageCode.fromName(language), version, opaque, flag, remark,
                extFields, body, SerializeType.JSON);
    }

    private ExtFields extFields() {
        if (tokens.consumeLiteral("null")) {
            return ExtFields.EMPTY;
        }
        tokens.expect('{');
        if (tokens.consumeIf('}')) {
            return ExtFields.EMPTY;
        }
        ExtFields.Builder fields = ExtFields.builder();
        do {
            String key = tokens.name();
            tokens.expect(':');
            fields.put(key, scalarOrNull(key));
        } while (tokens.consumeIf(','));
        tokens.expect('}');
        return fields.build();
    }

    /** An int given as a JSON integer, a string holding one, or null (0). */
    private int intValue(String key) {
        tokens.skipWhitespace();
        if (tokens.consumeLiteral("null")) {
            return 0;
        }
        String text;
        if (tokens.peek() == '"') {
            text = tokens.string();
        } else {
            long shortInteger = tokens.shortInteger();
            if (shortInteger != JsonTokens.NOT_SHORT_INTEGER) {
                return (int) shortInteger;
            }
            text = tokens.number();
        }
        if (!isInteger(text)) {
            throw malformed(key + " is not an integer: " + text);
        }
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw malformed(key + " is out of the int range: " + text);
        }
    }

    /** A string, or the JSON text of a number or boolean; null for {@code null}. */
    private @Nullable String scalarOrNull(String key) {
        tokens.skipWhitespace();
        byte next = tokens.peek();
        if (next == '"') {
            return tokens.string();
        } else if (tokens.consumeLiteral("null")) {
            return null;
        } else if (tokens.consumeLiteral("true")) {
            return "true";
        } else if (tokens.consumeLiteral("false")) {
            return "false";
        } else if (next == '-' || (next >= '0' && next <= '9')) {
            return tokens.number();
        }
        throw malformed("the value of " + key + " is not a string, number, boolean or null");
    }

    private void skipValue(int depth) {
        if (depth > MAX_DEPTH) {
            throw malformed("nested deeper than " + MAX_DEPTH);
        }
        tokens.skipWhitespace();
        byte next = tokens.peek();
        if (next == '{') {
            tokens.expect('{');
            if (!tokens.consumeIf('}')) {
                do {
                    tokens.string();
                    tokens.expect(':');
                    skipValue(depth + 1);
                } while (tokens.consumeIf(','));
                tokens.expect('}');
            }
        } else if (next == '[') {
            tokens.expect('[');
            if (!tokens.consumeIf(']')) {
                do {
                    skipValue(depth + 1);
                } while (tokens.consumeIf(','));
                tokens.expect(']');
            }
        } else {
            scalarOrNull("an unknown field");
        }
    }

    /** An optional minus and at least one decimal digit, nothing else. */
    private static boolean isInteger(String text) {
        int first = text.startsWith("-") ? 1 : 0;
        if (first == text.length()) {
            return false;
        }
        for (int i = first; i < text.length(); i++) {
            if (text.charAt(i) < '0' || text.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    private static CorruptedFrameException malformed(String reason) {
        return JsonTokens.malformed(reason);
    }
}
