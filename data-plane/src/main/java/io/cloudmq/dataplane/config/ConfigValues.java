package io.cloudmq.dataplane.config;

import java.util.ArrayList;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Raw configuration values by key, each remembering where it came from, with typed reads that collect
 * problems instead of failing on the first one. Single-threaded: used by one loader call.
 */
final class ConfigValues {
    private static final Pattern NO_WHITESPACE = Pattern.compile("\\S+");
    private static final Pattern NON_NEGATIVE_INT = Pattern.compile("\\d{1,9}");
    private static final Pattern NON_NEGATIVE_LONG = Pattern.compile("\\d{1,18}");

    /** A value as configured, and its origin for error messages, e.g. {@code env CLOUDMQ_ROLE}. */
    record Raw(String value, String source) {}

    private final Map<String, Raw> values;
    private final List<String> problems = new ArrayList<>();

    ConfigValues(Map<String, Raw> values) {
        this.values = Map.copyOf(values);
    }

    List<String> problems() {
        return List.copyOf(problems);
    }

    boolean isSet(String key) {
        return values.containsKey(key);
    }

    /** Records a problem that is not about one value's syntax. */
    void reject(String key, String reason) {
        Raw raw = values.get(key);
        problems.add(raw == null ? key + ": " + reason : key + ": " + reason + " (from " + raw.source() + ")");
    }

    @Nullable String optional(String key) {
        Raw raw = values.get(key);
        return raw == null ? null : raw.value();
    }

    @Nullable String required(String key) {
        String value = optional(key);
        if (value == null) {
            problems.add(key + ": missing (set it in the config file or as env " + NodeConfigLoader.envName(key) + ")");
        }
        return value;
    }

    @Nullable String matching(String key, Pattern pattern, String rule, boolean required) {
        String value = required ? required(key) : optional(key);
        if (value != null && !pattern.matcher(value).matches()) {
            invalid(key, "must be " + rule);
            return null;
        }
        return value;
    }

    @Nullable String token(String key, int minLength) {
        String value = required(key);
        if (value != null && (value.length() < minLength || !NO_WHITESPACE.matcher(value).matches())) {
            invalid(key, "must be at least " + minLength + " characters without whitespace");
            return null;
        }
        return value;
    }

    @Nullable Integer port(String key, @Nullable Integer fallback) {
        String value = fallback == null ? required(key) : optional(key);
        if (value == null) {
            return fallback;
        }
        Integer port = parsePort(value);
        if (port == null) {
            invalid(key, "must be a port number between 1 and 65535");
        }
        return port;
    }

    @Nullable Integer nonNegativeInt(String key) {
        String value = required(key);
        if (value == null) {
            return null;
        }
        if (!NON_NEGATIVE_INT.matcher(value).matches()) {
            invalid(key, "must be an integer of at least 0");
            return null;
        }
        return Integer.valueOf(value);
    }

    /** An optional non-negative number of milliseconds; {@code fallback} when unset. */
    @Nullable Duration millis(String key, Duration fallback) {
        if (!isSet(key)) {
            return fallback;
        }
        Integer value = nonNegativeInt(key);
        return value == null ? null : Duration.ofMillis(value);
    }

    /** The key's value as an integer of at least 1 (at most 9 digits), or {@code fallback} when it is not set. */
    int positiveInt(String key, int fallback) {
        return (int) positive(key, fallback, NON_NEGATIVE_INT);
    }

    /** The key's value as an integer of at least 1 (at most 18 digits), or {@code fallback} when it is not set. */
    long positiveLong(String key, long fallback) {
        return positive(key, fallback, NON_NEGATIVE_LONG);
    }

    private long positive(String key, long fallback, Pattern digits) {
        String value = optional(key);
        if (value == null) {
            return fallback;
        }
        if (!digits.matcher(value).matches() || Long.parseLong(value) < 1) {
            invalid(key, "must be an integer of at least 1");
            return fallback;
        }
        return Long.parseLong(value);
    }

    boolean bool(String key, boolean fallback) {
        String value = optional(key);
        if (value == null) {
            return fallback;
        }
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> {
                invalid(key, "must be true or false");
                yield fallback;
            }
        };
    }

    static @Nullable Integer parsePort(String value) {
        try {
            int port = Integer.parseInt(value);
            return port >= 1 && port <= 65535 ? port : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private void invalid(String key, String rule) {
        Raw raw = values.get(key);
        problems.add(key + ": \"" + raw.value() + "\" is invalid, " + rule + " (from " + raw.source() + ")");
    }
}
