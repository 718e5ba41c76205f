package io.cloudmq.dataplane.store.schedule;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The delay of each level (spec §4.14): level 1 is the first entry, larger levels are clamped to the
 * last one. Immutable.
 *
 * @param delays delay per level, level 1 first
 */
public record DelayLevels(List<Duration> delays) {
    /** RocketMQ's {@code messageDelayLevel}. */
    public static final DelayLevels DEFAULT = parse("1s 5s 10s 30s 1m 2m 3m 4m 5m 6m 7m 8m 9m 10m 20m 30m 1h 2h");

    public DelayLevels {
        if (delays.isEmpty()) {
            throw new IllegalArgumentException("at least one delay level");
        }
        delays = List.copyOf(delays);
    }

    /** Parses a space-separated list of {@code <n>s}, {@code <n>m}, {@code <n>h} or {@code <n>d}. */
    public static DelayLevels parse(String text) {
        List<Duration> delays = new ArrayList<>();
        for (String item : text.trim().split("\\s+")) {
            long amount = Long.parseLong(item.substring(0, item.length() - 1));
            delays.add(switch (item.charAt(item.length() - 1)) {
                case 's' -> Duration.ofSeconds(amount);
                case 'm' -> Duration.ofMinutes(amount);
                case 'h' -> Duration.ofHours(amount);
                case 'd' -> Duration.ofDays(amount);
                default -> throw new IllegalArgumentException("unknown delay unit in " + item);
            });
        }
        return new DelayLevels(delays);
    }

    /** Number of levels (the largest level). */
    public int count() {
        return delays.size();
    }

    /** {@code level} clamped to {@code 1..count()}. */
    public int clamp(int level) {
        return Math.max(1, Math.min(level, count()));
    }

    /** Delay of a (clamped) level in ms. */
    public long delayMillis(int level) {
        return delays.get(clamp(level) - 1).toMillis();
    }
}
