package io.cloudmq.dataplane.store.commitlog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class MessagePropertiesTest {
    private static final String[] PIECES = {"UNIQ_KEY", "UNIQ_KEY2", "UNIQ", "TAGS", "DELAY", "\u0001", "\u0002",
        "a", "1", "", "\u0001\u0002", "U"};
    private static final String[] NAMES = {"UNIQ_KEY", "TAGS", "DELAY", "UNIQ", "a", "U"};

    @Test
    void getAnswersAsTheParsedMapForAnyPropertiesString() {
        Random random = new Random(7);
        for (int i = 0; i < 20_000; i++) {
            StringBuilder properties = new StringBuilder();
            int pieces = random.nextInt(10);
            for (int p = 0; p < pieces; p++) {
                properties.append(PIECES[random.nextInt(PIECES.length)]);
            }
            String text = properties.toString();
            for (String name : NAMES) {
                assertThat(MessageProperties.get(text, name)).as("%s in %s", name, text)
                        .isEqualTo(MessageProperties.parse(text).get(name));
            }
        }
    }

    @Test
    void getKeepsTheLastPairOfAName() {
        assertThat(MessageProperties.get("TAGS\u0001a\u0002KEYS\u0001k\u0002TAGS\u0001b\u0002", "TAGS")).isEqualTo("b");
    }
}
