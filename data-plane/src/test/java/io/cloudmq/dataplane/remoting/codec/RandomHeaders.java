package io.cloudmq.dataplane.remoting.codec;

import io.cloudmq.dataplane.remoting.protocol.LanguageCode;
import io.cloudmq.dataplane.remoting.protocol.RemotingCommand;
import io.cloudmq.dataplane.remoting.protocol.SerializeType;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;

/** Random remoting commands whose strings mix ASCII, escapes, multi-byte UTF-8 and surrogate pairs. */
final class RandomHeaders {
    private static final String[] PIECES = {"a", "Z", "9", " ", "\"", "\\", "/", "\u0001", "\u0002", "\n", "\t",
        "\b", "\f", "\r", "\u001f", "\u007f", "é", "€", "中", "\uD83D\uDE00", "\u2028", "TAGS", "KEYS", "%RETRY%G"};
    private static final int[] INTS = {0, 1, -1, 2, 3, 513, 105, 310, Integer.MAX_VALUE, Integer.MIN_VALUE};

    private final Random random;

    RandomHeaders(long seed) {
        this.random = new Random(seed);
    }

    RemotingCommand next(int maxExtFields) {
        Map<String, String> ext = new HashMap<>();
        int fields = random.nextInt(maxExtFields + 1);
        for (int i = 0; i < fields; i++) {
            ext.put(string(), string());
        }
        LanguageCode[] languages = LanguageCode.values();
        return new RemotingCommand(integer(), languages[random.nextInt(languages.length)], integer(), integer(),
                integer(), random.nextInt(3) == 0 ? null : string(), ext, new byte[0], SerializeType.JSON);
    }

    private int integer() {
        return random.nextBoolean() ? INTS[random.nextInt(INTS.length)] : random.nextInt();
    }

    private String string() {
        StringBuilder text = new StringBuilder();
        int pieces = random.nextInt(6);
        for (int i = 0; i < pieces; i++) {
            text.append(PIECES[random.nextInt(PIECES.length)]);
        }
        return text.toString();
    }
}
