package io.cloudmq.bench.client;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * Waiting for a condition of a started process: the condition is checked every few milliseconds until it holds;
 * the wait fails when the process exits or the deadline passes.
 *
 * <p>Threading: stateless, safe from any thread.
 */
final class Poll {
    /** A condition to check; an exception means "not yet" (the process is still starting). */
    @FunctionalInterface
    interface Condition {
        boolean holds() throws Exception;
    }

    private Poll() {}

    /**
     * Checks {@code condition} every {@code periodMillis} until it holds; fails if {@code process} (if any) has
     * exited or after {@code deadline}, naming {@code what} was awaited.
     */
    static void until(String what, @Nullable ChildJvm process, Duration deadline, long periodMillis,
            Condition condition) throws InterruptedException {
        long end = System.nanoTime() + deadline.toNanos();
        while (System.nanoTime() < end) {
            if (process != null) {
                process.checkAlive();
            }
            try {
                if (condition.holds()) {
                    return;
                }
            } catch (InterruptedException e) {
                throw e;
            } catch (Exception e) {
                // not yet: the process answers errors or refuses connections while it starts
            }
            Thread.sleep(periodMillis);
        }
        throw new IllegalStateException(what + ": not after " + deadline);
    }
}
