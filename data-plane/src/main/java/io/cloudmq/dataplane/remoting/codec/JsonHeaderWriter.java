package io.cloudmq.dataplane.remoting.codec;

import io.cloudmq.dataplane.remoting.protocol.ExtFields;
import io.cloudmq.dataplane.remoting.protocol.RemotingCommand;
import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;

/**
 * Writes a command's JSON header (spec §1.3) as UTF-8 into the frame buffer, without a general-purpose JSON
 * library (assembled in {@link HeaderBytes}, then copied in one write):
 *
 * <table>
 *   <caption>Layout, keys in this (alphabetical) order</caption>
 *   <tr><th>key</th><th>value</th></tr>
 *   <tr><td>{@code code}</td><td>int</td></tr>
 *   <tr><td>{@code extFields}</td><td>object of strings, in natural key order ({@link ExtFields};
 *       order is irrelevant to readers, spec §8.4)</td></tr>
 *   <tr><td>{@code flag}</td><td>int</td></tr>
 *   <tr><td>{@code language}</td><td>string, the enum name</td></tr>
 *   <tr><td>{@code opaque}</td><td>int</td></tr>
 *   <tr><td>{@code remark}</td><td>string; the key is omitted when the remark is null</td></tr>
 *   <tr><td>{@code version}</td><td>int</td></tr>
 * </table>
 *
 * <p>Strings are escaped as Jackson escapes them: {@code "} and {@code \} with a backslash, {@code \b
 * \t \n \f \r} short, other control characters as {@code \u005Cu00XX}; other characters are written as
 * UTF-8, except a lone surrogate, which is written as a {@code \u005CuXXXX} escape (it has no UTF-8 form).
 *
 * <p>Stateless and thread-safe.
 */
final class JsonHeaderWriter {
    private static final byte[] HEX = "0123456789ABCDEF".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] CODE = ascii("{\"code\":");
    private static final byte[] EXT_FIELDS = ascii(",\"extFields\":{");
    private static final byte[] FLAG = ascii("},\"flag\":");
    private static final byte[] LANGUAGE = ascii(",\"language\":");
    private static final byte[] OPAQUE = ascii(",\"opaque\":");
    private static final byte[] REMARK = ascii(",\"remark\":");
    private static final byte[] VERSION = ascii(",\"version\":");

    private JsonHeaderWriter() {}

    static void write(RemotingCommand command, ByteBuf out) {
        HeaderBytes header = new HeaderBytes();
        header.put(CODE);
        header.putInt(command.code());
        header.put(EXT_FIELDS);
        ExtFields fields = ExtFields.copyOf(command.extFields());
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                header.put(',');
            }
            writeString(fields.keyAt(i), header);
            header.put(':');
            writeString(fields.valueAt(i), header);
        }
        header.put(FLAG);
        header.putInt(command.flag());
        header.put(LANGUAGE);
        writeString(command.language().name(), header);
        header.put(OPAQUE);
        header.putInt(command.opaque());
        @Nullable String remark = command.remark();
        if (remark != null) {
            header.put(REMARK);
            writeString(remark, header);
        }
        header.put(VERSION);
        header.putInt(command.version());
        header.put('}');
        out.writeBytes(header.array(), 0, header.length());
    }

    /** Writes {@code text} quoted; a string of plain ASCII (nearly every header string) is copied as it is. */
    private static void writeString(String text, HeaderBytes out) {
        out.put('"');
        int plain = out.putPlainAscii(text);
        if (plain < text.length()) {
            writeEscapedUtf8(text, plain, out);
        }
        out.put('"');
    }

    /** Writes the chars of {@code text} from {@code from} on, escaped or as UTF-8. */
    private static void writeEscapedUtf8(String text, int from, HeaderBytes out) {
        int length = text.length();
        for (int i = from; i < length; i++) {
            char c = text.charAt(i);
            if (c >= 0x20 && c < 0x80 && c != '"' && c != '\\') {
                out.put(c);
            } else if (c < 0x80) {
                writeEscaped(c, out);
            } else if (c < 0x800) {
                out.put(0xC0 | (c >> 6));
                out.put(0x80 | (c & 0x3F));
            } else if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(text.charAt(i + 1))) {
                int codePoint = Character.toCodePoint(c, text.charAt(++i));
                out.put(0xF0 | (codePoint >> 18));
                out.put(0x80 | ((codePoint >> 12) & 0x3F));
                out.put(0x80 | ((codePoint >> 6) & 0x3F));
                out.put(0x80 | (codePoint & 0x3F));
            } else if (Character.isSurrogate(c)) {
                writeUnicodeEscape(c, out);
            } else {
                out.put(0xE0 | (c >> 12));
                out.put(0x80 | ((c >> 6) & 0x3F));
                out.put(0x80 | (c & 0x3F));
            }
        }
    }

    private static void writeEscaped(char c, HeaderBytes out) {
        char shortForm = switch (c) {
            case '"' -> '"';
            case '\\' -> '\\';
            case '\b' -> 'b';
            case '\t' -> 't';
            case '\n' -> 'n';
            case '\f' -> 'f';
            case '\r' -> 'r';
            default -> 0;
        };
        if (shortForm != 0) {
            out.put('\\');
            out.put(shortForm);
        } else {
            writeUnicodeEscape(c, out);
        }
    }

    private static void writeUnicodeEscape(char c, HeaderBytes out) {
        out.put('\\');
        out.put('u');
        out.put(HEX[(c >> 12) & 0xF]);
        out.put(HEX[(c >> 8) & 0xF]);
        out.put(HEX[(c >> 4) & 0xF]);
        out.put(HEX[c & 0xF]);
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
