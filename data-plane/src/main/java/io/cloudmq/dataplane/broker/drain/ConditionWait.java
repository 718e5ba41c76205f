package io.cloudmq.dataplane.broker.drain;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * Waits until a condition holds or a deadline passes. Implementations are thread-safe.
 */
@FunctionalInterface
public interface ConditionWait {

    /**
     * @return whether {@code condition} held before {@code deadline} passed (a zero deadline checks once)
     * @throws InterruptedException if the waiting thread was interrupted
     */
    boolean await(BooleanSupplier condition, Duration deadline) throws InterruptedException;

    /** Checks the condition every {@code interval} on the calling thread. */
    static ConditionWait polling(Duration interval) {
        return (condition, deadline) -> {
            long end = System.nanoTime() + deadline.toNanos();
            while (!condition.getAsBoolean()) {
                long left = end - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                Thread.sleep(Math.max(1, Math.min(interval.toMillis(), left / 1_000_000)));
            }
            return true;
        };
    }
}
