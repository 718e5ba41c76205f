package io.cloudmq.dataplane.remoting.codec;

import io.cloudmq.dataplane.remoting.protocol.LanguageCode;
import io.cloudmq.dataplane.remoting.protocol.RemotingCommand;
import io.cloudmq.dataplane.remoting.protocol.SerializeType;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.handler.codec.CorruptedFrameException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Reads one JSON header object (spec §1.3) from UTF-8 bytes, without a general-purpose JSON library: the
 * header is a flat object, read once per frame, so a strict single-pass reader over the bytes does it
 * with one string per value and one map.
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
 * <p>Syntax is RFC 8259 JSON: quoted keys, the standard escapes including {@code \u005CuXXXX} (surrogate
 * pairs combined, a lone surrogate kept as it is), no raw control characters in strings, well-formed
 * UTF-8, nothing but whitespace after the object. A key given twice keeps its last value.
 *
 * <p>Threading: one instance reads one header on one thread; create one per frame.
 */
final class JsonHeaderReader {
    private static final int MAX_DEPTH = 32;

    private final byte[] json;
    private int pos;

    private JsonHeaderReader(byte[] json) {
        this.json = json;
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
        Map<String, String> extFields = Map.of();
        expect('{');
        if (!consumeIf('}')) {
            do {
                String key = string();
                expect(':');
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
            } while (consumeIf(','));
            expect('}');
        }
        skipWhitespace();
        if (pos != json.length) {
            throw malformed("content after the header object");
        }
        return new RemotingCommand(code, LanguageCode.fromName(language), version, opaque, flag, remark,
                extFields, body, SerializeType.JSON);
    }

    private Map<String, String> extFields() {
        if (consumeLiteral("null")) {
            return Map.of();
        }
        expect('{');
        if (consumeIf('}')) {
            return Map.of();
        }
        Map<String, String> fields = new HashMap<>();
        do {
            String key = string();
            expect(':');
            @Nullable String value = scalarOrNull(key);
            if (value == null) {
                fields.remove(key);
            } else {
                fields.put(key, value);
            }
        } while (consumeIf(','));
        expect('}');
        return fields;
    }

    /** An int given as a JSON integer, a string holding one, or null (0). */
    private int intValue(String key) {
        skipWhitespace();
        if (consumeLiteral("null")) {
            return 0;
        }
        String text;
        if (peek() == '"') {
            text = string();
        } else {
            int start = pos;
            number();
            text = new String(json, start, pos - start, StandardCharsets.ISO_8859_1);
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
        skipWhitespace();
        byte next = peek();
        if (next == '"') {
            return string();
        } else if (consumeLiteral("null")) {
            return null;
        } else if (consumeLiteral("true")) {
            return "true";
        } else if (consumeLiteral("false")) {
            return "false";
        } else if (next == '-' || (next >= '0' && next <= '9')) {
            int start = pos;
            number();
            return new String(json, start, pos - start, StandardCharsets.ISO_8859_1);
        }
        throw malformed("the value of " + key + " is not a string, number, boolean or null");
    }

    private void skipValue(int depth) {
        if (depth > MAX_DEPTH) {
            throw malformed("nested deeper than " + MAX_DEPTH);
        }
        skipWhitespace();
        byte next = peek();
        if (next == '{') {
            pos++;
            if (!consumeIf('}')) {
                do {
                    string();
                    expect(':');
                    skipValue(depth + 1);
                } while (consumeIf(','));
                expect('}');
            }
        } else if (next == '[') {
            pos++;
            if (!consumeIf(']')) {
                do {
                    skipValue(depth + 1);
                } while (consumeIf(','));
                expect(']');
            }
        } else {
            scalarOrNull("an unknown field");
        }
    }

    /** A JSON string; the ASCII escape-free case (nearly every header string) is one copy. */
    private String string() {
        expect('"');
        int start = pos;
        while (pos < json.length) {
            byte b = json[pos];
            if (b == '"') {
                pos++;
                return new String(json, start, pos - 1 - start, StandardCharsets.ISO_8859_1);
            }
            if (b == '\\' || b < 0x20) {
                break;
            }
            pos++;
        }
        pos = start;
        return slowString();
    }

    /** A string with escapes, non-ASCII characters or an error in it. */
    private String slowString() {
        StringBuilder text = new StringBuilder();
        while (true) {
            int b = next() & 0xFF;
            if (b == '"') {
                return text.toString();
            } else if (b == '\\') {
                text.append(escape());
            } else if (b < 0x20) {
                throw malformed("control character 0x" + Integer.toHexString(b) + " in a string");
            } else if (b < 0x80) {
                text.append((char) b);
            } else {
                text.appendCodePoint(utf8(b));
            }
        }
    }

    private char escape() {
        int b = next();
        return switch (b) {
            case '"' -> '"';
            case '\\' -> '\\';
            case '/' -> '/';
            case 'b' -> '\b';
            case 'f' -> '\f';
            case 'n' -> '\n';
            case 'r' -> '\r';
            case 't' -> '\t';
            case 'u' -> (char) ((hex() << 12) | (hex() << 8) | (hex() << 4) | hex());
            default -> throw malformed("invalid escape \\" + (char) (b & 0xFF));
        };
    }

    private int hex() {
        int b = next();
        if (b >= '0' && b <= '9') {
            return b - '0';
        } else if (b >= 'a' && b <= 'f') {
            return b - 'a' + 10;
        } else if (b >= 'A' && b <= 'F') {
            return b - 'A' + 10;
        }
        throw malformed("invalid hex digit in a \\u escape");
    }

    /** The code point of a multi-byte UTF-8 sequence starting with {@code lead}; strict (RFC 3629). */
    private int utf8(int lead) {
        int extra;
        int min;
        int codePoint;
        if (lead >= 0xC2 && lead <= 0xDF) {
            extra = 1;
            min = 0x80;
            codePoint = lead & 0x1F;
        } else if (lead >= 0xE0 && lead <= 0xEF) {
            extra = 2;
            min = 0x800;
            codePoint = lead & 0x0F;
        } else if (lead >= 0xF0 && lead <= 0xF4) {
            extra = 3;
            min = 0x10000;
            codePoint = lead & 0x07;
        } else {
            throw malformed("invalid UTF-8 lead byte 0x" + Integer.toHexString(lead));
        }
        for (int i = 0; i < extra; i++) {
            int b = next() & 0xFF;
            if ((b & 0xC0) != 0x80) {
                throw malformed("invalid UTF-8 continuation byte 0x" + Integer.toHexString(b));
            }
            codePoint = (codePoint << 6) | (b & 0x3F);
        }
        if (codePoint < min || codePoint > Character.MAX_CODE_POINT
                || (codePoint >= Character.MIN_SURROGATE && codePoint <= Character.MAX_SURROGATE)) {
            throw malformed("invalid UTF-8 sequence");
        }
        return codePoint;
    }

    /** Consumes a JSON number: {@code -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?}. */
    private void number() {
        consumeIfByte('-');
        if (consumeIfByte('0')) {
            if (pos < json.length && isDigit(json[pos])) {
                throw malformed("a number with a leading zero");
            }
        } else {
            digits();
        }
        if (consumeIfByte('.')) {
            digits();
        }
        if (consumeIfByte('e') || consumeIfByte('E')) {
            if (!consumeIfByte('+')) {
                consumeIfByte('-');
            }
            digits();
        }
    }

    private void digits() {
        int start = pos;
        while (pos < json.length && isDigit(json[pos])) {
            pos++;
        }
        if (pos == start) {
            throw malformed("a digit expected at " + start);
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

    private static boolean isDigit(byte b) {
        return b >= '0' && b <= '9';
    }

    private boolean consumeLiteral(String literal) {
        int end = pos + literal.length();
        if (end > json.length) {
            return false;
        }
        for (int i = 0; i < literal.length(); i++) {
            if (json[pos + i] != literal.charAt(i)) {
                return false;
            }
        }
        pos = end;
        return true;
    }

    private void expect(char expected) {
        if (!consumeIf(expected)) {
            throw malformed("'" + expected + "' expected at " + pos);
        }
    }

    /** Skips whitespace, then consumes {@code expected} if it is next. */
    private boolean consumeIf(char expected) {
        skipWhitespace();
        return consumeIfByte(expected);
    }

    private boolean consumeIfByte(char expected) {
        if (pos < json.length && json[pos] == expected) {
            pos++;
            return true;
        }
        return false;
    }

    private void skipWhitespace() {
        while (pos < json.length) {
            byte b = json[pos];
            if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
                return;
            }
            pos++;
        }
    }

    private byte peek() {
        if (pos >= json.length) {
            throw malformed("unexpected end");
        }
        return json[pos];
    }

    private byte next() {
        byte b = peek();
        pos++;
        return b;
    }

    private static CorruptedFrameException malformed(String reason) {
        return new CorruptedFrameException("malformed JSON header: " + reason);
    }
}
