package io.cloudmq.controlplane.upgrade;

import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * The arithmetic of an upgrade report: durations between recorded instants, the canary's "before" and
 * "during" intervals of a window, and the increase of a broker counter that restarts from 0 with its process.
 * Stateless.
 */
final class ReportArithmetic {
    /** The longest "before" interval: the 15 minutes before the window's start. */
    static final Duration MAX_BEFORE = Duration.ofMinutes(15);

    private ReportArithmetic() {}

    /** Milliseconds from {@code from} to {@code to}, null unless both are known; never negative. */
    static @Nullable Long millisBetween(@Nullable Instant from, @Nullable Instant to) {
        if (from == null || to == null) {
            return null;
        }
        return Math.max(0, Duration.between(from, to).toMillis());
    }

    /** The interval during a window: its start to its finish, or {@code now} while it runs. */
    static Interval during(Instant startedAt, @Nullable Instant finishedAt, Instant now) {
        return new Interval(startedAt, finishedAt == null ? now : finishedAt);
    }

    /**
     * The interval before a window, as long as the window took (or has taken so far) but at most
     * {@link #MAX_BEFORE}, ending at its start.
     */
    static Interval before(Interval during) {
        Duration length = Duration.between(during.from(), during.to());
        Duration taken = length.compareTo(MAX_BEFORE) > 0 ? MAX_BEFORE : length;
        return new Interval(during.from().minus(taken), during.from());
    }

    /**
     * How much a counter grew from {@code last} to {@code current}; a counter read from another process
     * ({@code restarted}), or one that went down, started again from 0 and grew by {@code current}.
     */
    static long counterIncrease(long last, long current, boolean restarted) {
        return restarted || current < last ? current : current - last;
    }

    /**
     * A half-open interval of time. Immutable.
     *
     * @param from inclusive start
     * @param to exclusive end, not before {@code from}
     */
    record Interval(Instant from, Instant to) {
        Interval {
            if (to.isBefore(from)) {
                throw new IllegalArgumentException("interval ends at " + to + " before it starts at " + from);
            }
        }
    }
}
