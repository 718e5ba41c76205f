package io.cloudmq.controlplane.shared.scheduling;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * Runs a pass on its own daemon thread, again and again with a fixed delay between the end of one pass and
 * the start of the next, from {@link #start} to {@link #stop}: for work whose passes block for seconds (node
 * calls, client sends) and must not hold up a shared scheduler. The pass catches its own failures.
 *
 * <p>Thread-safe: start, stop and isRunning are synchronized; passes never overlap.
 */
public final class FixedDelayLoop {
    private final String threadName;
    private final Duration delay;
    private final Runnable pass;
    private @Nullable ScheduledExecutorService executor;

    public FixedDelayLoop(String threadName, Duration delay, Runnable pass) {
        this.threadName = threadName;
        this.delay = delay;
        this.pass = pass;
    }

    /** Starts the thread; the first pass runs one delay from now. */
    public synchronized void start() {
        ScheduledExecutorService started = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, threadName);
            thread.setDaemon(true);
            return thread;
        });
        long millis = delay.toMillis();
        started.scheduleWithFixedDelay(pass, millis, millis, TimeUnit.MILLISECONDS);
        executor = started;
    }

    /** Interrupts a running pass and ends the thread. */
    public synchronized void stop() {
        if (executor != null) {
            executor.shutdownNow();
            executor = null;
        }
    }

    public synchronized boolean isRunning() {
        return executor != null;
    }
}
