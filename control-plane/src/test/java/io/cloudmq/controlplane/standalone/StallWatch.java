package io.cloudmq.controlplane.standalone;

import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Measures how late a 100 ms tick of this JVM runs (GC pauses, CPU starvation): a load test that sees
 * requests time out all at one instant tells a stalled client from a stalled broker with it. Thread-safe.
 */
final class StallWatch implements AutoCloseable {
    private static final long TICK_MILLIS = 100;

    private final ScheduledExecutorService ticks = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "stall-watch");
        thread.setDaemon(true);
        return thread;
    });
    private long lastNanos = System.nanoTime();
    private long longestMillis;
    private Instant longestAt = Instant.EPOCH;

    private StallWatch() {}

    static StallWatch start() {
        StallWatch watch = new StallWatch();
        watch.ticks.scheduleAtFixedRate(watch::tick, TICK_MILLIS, TICK_MILLIS, TimeUnit.MILLISECONDS);
        return watch;
    }

    private synchronized void tick() {
        long now = System.nanoTime();
        long lateMillis = TimeUnit.NANOSECONDS.toMillis(now - lastNanos) - TICK_MILLIS;
        lastNanos = now;
        if (lateMillis > longestMillis) {
            longestMillis = lateMillis;
            longestAt = Instant.now();
        }
    }

    /** The longest delay of a tick and when it ended. */
    synchronized String longest() {
        return longestMillis + " ms, ending at " + longestAt;
    }

    @Override
    public void close() {
        ticks.shutdownNow();
    }
}
