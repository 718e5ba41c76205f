package io.cloudmq.bench.upgrade;

import java.time.Duration;

/**
 * Polls a condition until it holds or a deadline passes (the benchmark is main code, without Awaitility).
 *
 * <p>Threading: stateless, safe from any thread.
 */
final class Waiting {
    /** A condition that may throw; an exception other than {@link IllegalStateException} counts as "not yet". */
    @FunctionalInterface
    interface Condition {
        boolean holds() throws Exception;
    }

    private Waiting() {}

    /** Polls {@code condition} every {@code poll}; fails with {@code what} after {@code deadline}. */
    static void until(String what, Duration deadline, Duration poll, Condition condition) throws InterruptedException {
        if (!within(deadline, poll, condition)) {
            throw new IllegalStateException("not within " + deadline + ": " + what);
        }
    }

    /**
     * Polls {@code condition} every {@code poll} until it holds (true) or {@code deadline} passed (false); an
     * {@link IllegalStateException} (e.g. a child process that died) ends the wait at once.
     */
    static boolean within(Duration deadline, Duration poll, Condition condition) throws InterruptedException {
        long end = System.nanoTime() + deadline.toNanos();
        while (System.nanoTime() - end < 0) {
            try {
                if (condition.holds()) {
                    return true;
                }
            } catch (IllegalStateException | InterruptedException e) {
                throw e;
            } catch (Exception e) {
                // not yet: the condition could not be evaluated this time (e.g. the API not answering)
            }
            Thread.sleep(poll.toMillis());
        }
        return false;
    }
}
