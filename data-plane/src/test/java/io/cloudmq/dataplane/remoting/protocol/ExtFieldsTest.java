package io.cloudmq.dataplane.remoting.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ExtFieldsTest {

    @Test
    void takesPutsAndNullRemovalsAsAHashMapDoesForSmallAndLargeInputs() {
        Random random = new Random(7);
        for (int round = 0; round < 500; round++) {
            int puts = round % 2 == 0 ? random.nextInt(20) : 65 + random.nextInt(300);
            Map<String, String> expected = new HashMap<>();
            ExtFields.Builder builder = ExtFields.builder();
            for (int i = 0; i < puts; i++) {
                String key = "k" + random.nextInt(puts / 2 + 1);
                String value = random.nextInt(5) == 0 ? null : "v" + i;
                builder.put(key, value);
                if (value == null) {
                    expected.remove(key);
                } else {
                    expected.put(key, value);
                }
            }

            ExtFields fields = builder.build();

            assertThat(fields).isEqualTo(expected);
            assertThat(fields.hashCode()).isEqualTo(expected.hashCode());
            expected.forEach((key, value) -> assertThat(fields.get(key)).isEqualTo(value));
            assertThat(fields.get("absent")).isNull();
            assertThat(fields.containsKey("absent")).isFalse();
        }
    }

    @Test
    void iteratesInNaturalKeyOrderWhateverTheArrivalOrder() {
        ExtFields fields = ExtFields.builder()
                .put("b", "2").put("Signature", "s").put("a", "1").put("AccessKey", "ak").put("n", "x")
                .build();

        List<String> keys = new ArrayList<>();
        for (int i = 0; i < fields.size(); i++) {
            keys.add(fields.keyAt(i));
        }

        assertThat(keys).containsExactly("AccessKey", "Signature", "a", "b", "n");
        assertThat(fields.keySet()).containsExactlyElementsOf(keys);
        assertThat(fields.valueAt(0)).isEqualTo("ak");
    }

    @Test
    void copyOfKeepsAnExtFieldsAndCopiesAnyOtherMap() {
        ExtFields fields = ExtFields.copyOf(Map.of("x", "1", "a", "2"));

        assertThat(ExtFields.copyOf(fields)).isSameAs(fields);
        assertThat(fields).containsExactly(Map.entry("a", "2"), Map.entry("x", "1"));
    }

    @Test
    void refusesNullsAndMutationAsMapCopyOfDoes() {
        Map<String, String> withNullValue = new HashMap<>();
        withNullValue.put("a", null);
        ExtFields fields = ExtFields.copyOf(Map.of("a", "1"));

        assertThatThrownBy(() -> ExtFields.copyOf(withNullValue)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> fields.get(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> fields.put("b", "2")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> fields.remove("a")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(fields::clear).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> fields.keyAt(1)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void aBuilderBuildsOnce() {
        ExtFields.Builder builder = ExtFields.builder().put("a", "1");
        builder.build();

        assertThatThrownBy(builder::build).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> builder.put("b", "2")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void theEmptyMapHasNoEntries() {
        assertThat(ExtFields.EMPTY).isEmpty();
        assertThat(ExtFields.EMPTY.get("a")).isNull();
    }
}
