package io.cloudmq.dataplane.broker.processor;

import io.cloudmq.dataplane.store.commitlog.MessageProperties;
import io.cloudmq.dataplane.store.schedule.ScheduleTopic;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The 5.x timer properties (arbitrary delivery times, spec §4.14), which this broker refuses: only the
 * delay levels are served. A message that also has a {@code DELAY} level is accepted (the level wins,
 * the timer properties are dropped on delivery).
 *
 * <p>Threading: stateless.
 */
final class TimerProperties {
    /** Remark of the refusal. */
    static final String REFUSAL = "arbitrary delivery times (TIMER_DELIVER_MS, TIMER_DELAY_SEC, TIMER_DELAY_MS)"
            + " are not supported; use a delay level (DELAY 1-18)";
    private static final List<String> NAMES = List.of("TIMER_DELIVER_MS", "TIMER_DELAY_SEC", "TIMER_DELAY_MS");

    private TimerProperties() {}

    /** Whether {@code properties} ask for a timer delivery without a delay level. */
    static boolean requested(@Nullable String properties) {
        if (properties == null || !properties.contains("TIMER_")) {
            return false;
        }
        Map<String, String> pairs = MessageProperties.parse(properties);
        return !pairs.containsKey(ScheduleTopic.DELAY) && NAMES.stream().anyMatch(pairs::containsKey);
    }
}
