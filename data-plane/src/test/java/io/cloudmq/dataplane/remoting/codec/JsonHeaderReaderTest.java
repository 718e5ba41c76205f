package io.cloudmq.dataplane.remoting.codec;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cloudmq.dataplane.remoting.protocol.LanguageCode;
import io.cloudmq.dataplane.remoting.protocol.RemotingCommand;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.CorruptedFrameException;
import java.util.Arrays;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Escapes, nulls, numbers, skipped fields and malformed input of the JSON header reader. */
class JsonHeaderReaderTest {
    private static final String VALID = "{\"code\":310,\"extFields\":{\"a\":\"PG\",\"i\":\"TAGS\\u0001x\\u0002\"},"
            + "\"flag\":0,\"language\":\"JAVA\",\"opaque\":42,\"serializeTypeCurrentRPC\":\"JSON\",\"version\":513}";

    private static RemotingCommand read(byte[] json) {
        return JsonHeaderReader.read(Unpooled.wrappedBuffer(json), new byte[0]);
    }

    private static RemotingCommand read(String json) {
        return read(json.getBytes(UTF_8));
    }

    @Test
    void decodesEscapesSurrogatePairsAndRawMultiByteUtf8() {
        RemotingCommand command = read("{\"remark\":\"\\u0041\\\"\\\\\\/\\b\\f\\n\\r\\t\\uD83D\\uDE00|é€中😀\"}");

        assertThat(command.remark()).isEqualTo("A\"\\/\b\f\n\r\t\uD83D\uDE00|é€中\uD83D\uDE00");
    }

    @Test
    void keepsALoneSurrogateEscapeAsItIs() {
        assertThat(read("{\"remark\":\"x\\uDE00y\\ud83d\"}").remark()).isEqualTo("x\uDE00y\uD83D");
    }

    @Test
    void treatsNullsAsAbsent() {
        RemotingCommand command = read(
                "{\"code\":null,\"language\":null,\"remark\":null,\"extFields\":null,\"opaque\":null}");

        assertThat(command.code()).isZero();
        assertThat(command.opaque()).isZero();
        assertThat(command.language()).isEqualTo(LanguageCode.JAVA);
        assertThat(command.remark()).isNull();
        assertThat(command.extFields()).isEmpty();
    }

    @Test
    void skipsUnknownFieldsOfEveryShapeAndKeepsTheLastOfARepeatedKey() {
        RemotingCommand command = read(" {\"x\":{\"y\":[1,-2.5e+3,true,null,{}],\"z\":[]},\"code\":1,\"w\":false,"
                + "\"code\":7,\"extFields\":{\"k\":\"a\",\"k\":\"b\",\"n\":\"x\",\"n\":null}} \n");

        assertThat(command.code()).isEqualTo(7);
        assertThat(command.extFields()).containsOnly(Map.entry("k", "b"));
    }

    @Test
    void readsIntsAsNumbersOrStringsAndKeepsExtNumbersAsTheirText() {
        RemotingCommand command = read("{\"code\":-2147483648,\"opaque\":\"2147483647\",\"flag\":\"-1\","
                + "\"extFields\":{\"f\":-0.50,\"e\":1E+3,\"b\":true}}");

        assertThat(command.code()).isEqualTo(Integer.MIN_VALUE);
        assertThat(command.opaque()).isEqualTo(Integer.MAX_VALUE);
        assertThat(command.flag()).isEqualTo(-1);
        assertThat(command.extFields()).containsOnly(Map.entry("f", "-0.50"), Map.entry("e", "1E+3"),
                Map.entry("b", "true"));
    }

    @Test
    void readsIntsOnBothSidesOfTheNineDigitShortcut() {
        RemotingCommand command = read("{\"code\":999999999,\"opaque\":-1000000000,\"flag\":-0,\"version\":0}");

        assertThat(command.code()).isEqualTo(999_999_999);
        assertThat(command.opaque()).isEqualTo(-1_000_000_000);
        assertThat(command.flag()).isZero();
        assertThat(command.version()).isZero();
        for (String json : new String[] {"{\"code\":1e2}", "{\"code\":12.0}", "{\"code\":0012}",
            "{\"code\":99999999999}", "{\"code\":-2147483649}"}) {
            assertThatThrownBy(() -> read(json)).as(json).isInstanceOf(CorruptedFrameException.class);
        }
    }

    @Test
    void decodesSeveralEscapedStringsLongerThanTheFirstScratchSpace() {
        String escapedProperties = "KEYS\\u0001k\\u0002".repeat(200);
        RemotingCommand command = read("{\"remark\":\"\\u00e9\",\"extFields\":{\"i\":\"" + escapedProperties
                + "\",\"j\":\"\\\"\"}}");

        assertThat(command.remark()).isEqualTo("\u00e9");
        assertThat(command.extField("i")).isEqualTo("KEYS\u0001k\u0002".repeat(200));
        assertThat(command.extField("j")).isEqualTo("\"");
    }

    @Test
    void refusesMalformedHeadersAsCorruptedFrames() {
        String[] malformed = {"", "[]", "null", "{", "{\"code\":1,}", "{code:1}", "{\"code\":2147483648}",
            "{\"code\":1.5}", "{\"code\":\"1x\"}", "{\"code\":\"\"}", "{\"code\":01}", "{\"code\":-}", "{\"code\":true}",
            "{\"remark\":\"\\x\"}", "{\"remark\":\"\\u12G4\"}", "{\"remark\":\"a\u0001\"}", "{\"remark\":[1]}",
            "{\"extFields\":{\"a\":{}}}", "{\"extFields\":[]}", "{\"code\":1} x", "{\"code\":1}{}", "{\"x\":tru}",
            "{\"x\":" + "[".repeat(40) + "]".repeat(40) + "}", "{\"remark\":\"unterminated}"};
        for (String json : malformed) {
            assertThatThrownBy(() -> read(json)).as(json).isInstanceOf(CorruptedFrameException.class);
        }
    }

    @Test
    void refusesInvalidUtf8() {
        byte[][] invalid = {{(byte) 0xC0, (byte) 0x80}, {(byte) 0xE0, (byte) 0x80, (byte) 0x80},
            {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80},
            {(byte) 0x80}, {(byte) 0xC3}, {(byte) 0xFF}};
        for (byte[] bytes : invalid) {
            byte[] json = new byte[bytes.length + 13];
            System.arraycopy("{\"remark\":\"".getBytes(UTF_8), 0, json, 0, 11);
            System.arraycopy(bytes, 0, json, 11, bytes.length);
            json[json.length - 2] = '"';
            json[json.length - 1] = '}';
            assertThatThrownBy(() -> read(json)).as(Arrays.toString(bytes)).isInstanceOf(CorruptedFrameException.class);
        }
    }

    @Test
    void failsEveryTruncationAndEveryMutationOnlyAsACorruptedFrame() {
        byte[] valid = VALID.getBytes(UTF_8);
        assertThat(read(valid).extField("i")).isEqualTo("TAGS\u0001x\u0002");
        for (int length = 0; length < valid.length; length++) {
            byte[] truncated = Arrays.copyOf(valid, length);
            assertThatThrownBy(() -> read(truncated)).isInstanceOf(CorruptedFrameException.class);
        }
        Random random = new Random(5);
        for (int i = 0; i < 20_000; i++) {
            byte[] mutated = valid.clone();
            mutated[random.nextInt(mutated.length)] = (byte) random.nextInt(256);
            try {
                assertThat(read(mutated).serializeType()).isNotNull();
            } catch (CorruptedFrameException expected) {
                assertThat(expected).hasMessageStartingWith("malformed JSON header");
            }
        }
    }
}
