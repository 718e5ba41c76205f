package io.cloudmq.dataplane.remoting.protocol;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Typed access to {@code extFields}, where every value is a string (spec §1.6): reading parses numbers and
 * booleans, writing stringifies them and skips nulls. Reading never mutates; a {@link Writer} is not
 * thread-safe and builds once.
 */
public final class HeaderFields {
    private HeaderFields() {}

    public static String requireString(Map<String, String> fields, String name) {
        String value = fields.get(name);
        if (value == null) {
            throw InvalidHeaderException.missing(name);
        }
        return value;
    }

    public static long requireLong(Map<String, String> fields, String name) {
        return parseLong(name, requireString(fields, name));
    }

    public static @Nullable Long optionalLong(Map<String, String> fields, String name) {
        String value = fields.get(name);
        return value == null ? null : parseLong(name, value);
    }

    public static @Nullable Integer optionalInt(Map<String, String> fields, String name) {
        String value = fields.get(name);
        if (value == null) {
            return null;
        }
        try {
            return Integer.valueOf(value.trim());
        } catch (NumberFormatException e) {
            throw InvalidHeaderException.malformed(name, value);
        }
    }

    /** Parses like {@link Boolean#parseBoolean}: anything but "true" (any case) is false, absent is the default. */
    public static boolean optionalBoolean(Map<String, String> fields, String name, boolean absent) {
        String value = fields.get(name);
        return value == null ? absent : Boolean.parseBoolean(value.trim());
    }

    public static Writer writer() {
        return new Writer();
    }

    private static long parseLong(String name, String value) {
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw InvalidHeaderException.malformed(name, value);
        }
    }

    /** Builds an ext-field map the way the client does: each non-null value as {@code String.valueOf}. */
    public static final class Writer {
        private final ExtFields.Builder fields = ExtFields.builder();

        private Writer() {}

        public Writer put(String name, @Nullable Object value) {
            if (value != null) {
                fields.put(name, String.valueOf(value));
            }
            return this;
        }

        public ExtFields build() {
            return fields.build();
        }
    }
}
