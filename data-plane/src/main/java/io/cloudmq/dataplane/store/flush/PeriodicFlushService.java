package io.cloudmq.dataplane.store.flush;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a flush task every interval: under {@link FlushMode#ASYNC_FLUSH} it forces the commit log, and
 * in both modes it flushes consume queues and the index and writes the checkpoint. A failing task is
 * never retried: the failure handler turns the store read-only and the service stops.
 *
 * <p>Threading: one internal thread; {@link #close} from any thread.
 */
public final class PeriodicFlushService implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(PeriodicFlushService.class);

    /** The work of one round. */
    @FunctionalInterface
    public interface FlushTask {
        void run() throws IOException;
    }

    private final Duration interval;
    private final FlushTask task;
    private final Consumer<IOException> onFailure;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition wakeUp = lock.newCondition();
    private final Thread thread;
    private boolean stopped;

    public PeriodicFlushService(String name, Duration interval, FlushTask task, Consumer<IOException> onFailure) {
        this.interval = interval;
        this.task = task;
        this.onFailure = onFailure;
        this.thread = new Thread(this::run, name);
        this.thread.setDaemon(true);
    }

    public void start() {
        thread.start();
    }

    /** Stops the thread after its current round; the caller runs the final flush itself. */
    @Override
    public void close() throws InterruptedException {
        lock.lock();
        try {
            stopped = true;
            wakeUp.signal();
        } finally {
            lock.unlock();
        }
        thread.join(TimeUnit.SECONDS.toMillis(10));
    }

    private void run() {
        try {
            while (awaitInterval()) {
                task.run();
            }
        } catch (IOException e) {
            log.error("periodic flush failed; the store stops accepting writes", e);
            onFailure.accept(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException | Error e) {
            log.error("periodic flush thread died; the store stops accepting writes", e);
            onFailure.accept(new IOException("periodic flush thread died", e));
        }
    }

    private boolean awaitInterval() throws InterruptedException {
        lock.lock();
        try {
            long remaining = interval.toNanos();
            while (!stopped && remaining > 0) {
                remaining = wakeUp.awaitNanos(remaining);
            }
            return !stopped;
        } finally {
            lock.unlock();
        }
    }
}
