package io.cloudmq.dataplane.remoting.codec;

import io.netty.handler.codec.CorruptedFrameException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * The tokens of RFC 8259 JSON over UTF-8 bytes, for {@link JsonHeaderReader}: strings (the standard escapes
 * including {@code \u005CuXXXX}, surrogate pairs combined, a lone surrogate kept as it is; no raw control
 * characters; well-formed UTF-8 only), numbers as their text, literals and punctuation. Every violation is a
 * {@link CorruptedFrameException}.
 *
 * <p>Not thread-safe: one instance reads one header on one thread.
 */
final class JsonTokens {
    /** What {@link #shortInteger} returns for a number it leaves to {@link #number}. */
    static final long NOT_SHORT_INTEGER = Long.MIN_VALUE;
    private static final int MAX_SHORT_DIGITS = 9;
    private static final int MIN_TEXT = 256;

    private final byte[] json;
    private int pos;
    /** Scratch space of {@link #slowString}, allocated at its first use. */
    private char[] text = new char[0];

    JsonTokens(byte[] json) {
        this.json = json;
    }

    /** Whether only whitespace is left. */
    boolean atEnd() {
        skipWhitespace();
        return pos == json.length;
    }

    /** A JSON string; the ASCII escape-free case (nearly every header string) is one copy. */
    String string() {
        int end = plainEnd();
        return end < 0 ? slowString() : plain(end);
    }

    /** A JSON string used as a field name: a {@link KnownNames known name} is returned without a copy. */
    String name() {
        int end = plainEnd();
        @Nullable String known = end < 0 ? null : KnownNames.find(json, pos, end);
        if (known == null) {
            return end < 0 ? slowString() : plain(end);
        }
        pos = end + 1;
        return known;
    }

    /** The plain ASCII string from the current position to its closing quote at {@code end}, consumed. */
    private String plain(int end) {
        String value = new String(json, pos, end - pos, StandardCharsets.ISO_8859_1);
        pos = end + 1;
        return value;
    }

    /**
     * Consumes the opening quote and returns where the string's closing quote is if every byte before it is
     * plain ASCII (no escape, no control character); otherwise -1, with the position after the opening quote.
     */
    private int plainEnd() {
        expect('"');
        for (int i = pos; i < json.length; i++) {
            byte b = json[i];
            if (b == '"') {
                return i;
            }
            if (b == '\\' || b < 0x20) {
                return -1;
            }
        }
        return -1;
    }

    /**
     * A string with escapes, non-ASCII characters or an error in it, decoded in one pass into this reader's
     * {@link #text} array, which grows as needed (a string has at most as many chars as it has bytes).
     */
    private String slowString() {
        int length = 0;
        while (true) {
            int b = next() & 0xFF;
            if (text.length - length < 2) {
                text = Arrays.copyOf(text, Math.max(2 * text.length, MIN_TEXT));
            }
            if (b == '"') {
                return new String(text, 0, length);
            } else if (b == '\\') {
                text[length++] = escape();
            } else if (b < 0x20) {
                throw malformed("control character 0x" + Integer.toHexString(b) + " in a string");
            } else if (b < 0x80) {
                text[length++] = (char) b;
            } else {
                length += Character.toChars(utf8(b), text, length);
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

    /**
     * The value of a JSON number that is a plain integer of at most 9 digits ({@code -?(0|[1-9][0-9]{0,8})},
     * no fraction or exponent after it), which is every int a header carries in practice; anything else
     * returns {@link #NOT_SHORT_INTEGER} and consumes nothing, for {@link #number} to read or reject.
     */
    long shortInteger() {
        int i = pos;
        boolean negative = i < json.length && json[i] == '-';
        int first = negative ? i + 1 : i;
        long value = 0;
        for (i = first; i < json.length && isDigit(json[i]) && i - first < MAX_SHORT_DIGITS; i++) {
            value = 10 * value + (json[i] - '0');
        }
        int digits = i - first;
        boolean more = i < json.length && (isDigit(json[i]) || json[i] == '.' || json[i] == 'e' || json[i] == 'E');
        if (digits == 0 || more || (digits > 1 && json[first] == '0')) {
            return NOT_SHORT_INTEGER;
        }
        pos = i;
        return negative ? -value : value;
    }

    /** A JSON number {@code -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?}, as its text. */
    String number() {
        int start = pos;
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
        return new String(json, start, pos - start, StandardCharsets.ISO_8859_1);
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

    private static boolean isDigit(byte b) {
        return b >= '0' && b <= '9';
    }

    boolean consumeLiteral(String literal) {
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

    void expect(char expected) {
        if (!consumeIf(expected)) {
            throw malformed("'" + expected + "' expected at " + pos);
        }
    }

    /** Skips whitespace, then consumes {@code expected} if it is next. */
    boolean consumeIf(char expected) {
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

    void skipWhitespace() {
        while (pos < json.length) {
            byte b = json[pos];
            if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
                return;
            }
            pos++;
        }
    }

    byte peek() {
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

    static CorruptedFrameException malformed(String reason) {
        return new CorruptedFrameException("malformed JSON header: " + reason);
    }
}
