package io.cloudmq.dataplane.store.commitlog;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Reads the properties string of a message (spec §3.3): {@code name \u0001 value \u0002}, repeated;
 * segments shorter than three characters or without a name separator are ignored. Derives the values
 * the store indexes: tag hash (spec §4.9), keys and unique id.
 *
 * <p>Threading: stateless.
 */
public final class MessageProperties {
    /** Separator between a name and its value. */
    public static final char NAME_VALUE_SEPARATOR = 1;
    /** Separator after each name/value pair. */
    public static final char PROPERTY_SEPARATOR = 2;
    /** Tag of the message. */
    public static final String TAGS = "TAGS";
    /** Space-separated business keys. */
    public static final String KEYS = "KEYS";
    /** Client-generated unique message id. */
    public static final String UNIQ_KEY = "UNIQ_KEY";

    private MessageProperties() {}

    /** All pairs of a properties string, in order. */
    public static Map<String, String> parse(String properties) {
        Map<String, String> pairs = new LinkedHashMap<>();
        for (String segment : properties.split(String.valueOf(PROPERTY_SEPARATOR))) {
            int separator = segment.indexOf(NAME_VALUE_SEPARATOR);
            if (segment.length() >= 3 && separator >= 0) {
                pairs.put(segment.substring(0, separator), segment.substring(separator + 1));
            }
        }
        return pairs;
    }

    /**
     * The value of {@code name} in a properties string, as {@code parse(properties).get(name)} answers it (the
     * last pair of that name wins), without building the map: for a hot path that needs one property.
     */
    public static @Nullable String get(String properties, String name) {
        @Nullable String value = null;
        int start = 0;
        while (start < properties.length()) {
            int end = properties.indexOf(PROPERTY_SEPARATOR, start);
            if (end < 0) {
                end = properties.length();
            }
            int valueStart = start + name.length() + 1;
            if (end - start >= 3 && valueStart <= end && properties.startsWith(name, start)
                    && properties.charAt(valueStart - 1) == NAME_VALUE_SEPARATOR) {
                value = properties.substring(valueStart, end);
            }
            start = end + 1;
        }
        return value;
    }

    /** The properties string of {@code pairs}, in their iteration order (inverse of {@link #parse}). */
    public static String format(Map<String, String> pairs) {
        StringBuilder properties = new StringBuilder();
        pairs.forEach((name, value) -> properties.append(name).append(NAME_VALUE_SEPARATOR).append(value)
                .append(PROPERTY_SEPARATOR));
        return properties.toString();
    }

    /** The consume-queue tag hash: {@code TAGS.hashCode()}, or 0 without a tag. */
    public static long tagsCode(Map<String, String> pairs) {
        String tags = pairs.get(TAGS);
        return tags == null || tags.isEmpty() ? 0 : tags.hashCode();
    }

    /** The business keys (split on spaces, empty ones dropped). */
    public static List<String> keys(Map<String, String> pairs) {
        String keys = pairs.get(KEYS);
        List<String> result = new ArrayList<>();
        if (keys != null) {
            for (String key : keys.split(" ")) {
                if (!key.isEmpty()) {
                    result.add(key);
                }
            }
        }
        return result;
    }

    public static @Nullable String uniqueId(Map<String, String> pairs) {
        return pairs.get(UNIQ_KEY);
    }
}
