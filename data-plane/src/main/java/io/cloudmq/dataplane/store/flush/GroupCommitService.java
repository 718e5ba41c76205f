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
 * Group commit for {@link FlushMode#SYNC_FLUSH}: puts wait until an fsync covers their record, and one
 * fsync covers every put written before it started. While an fsync runs, new puts queue up; the next
 * fsync then covers all of them, so the fsync rate stays bounded while throughput grows with the
 * number of writers.
 *
 * <p>Decision rules of the flushing thread: (1) sleep while no put waits for more than is flushed;
 * (2) otherwise fsync everything written, then release every put it covers;
 * (3) a failed fsync is never retried: waiting and later puts are released unflushed, and the failure
 * handler turns the store read-only.
 *
 * <p>Threading: {@link #awaitFlushed} from any number of put threads; one internal flushing thread.
 */
public final class GroupCommitService implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(GroupCommitService.class);

    private final Fsync fsync;
    private final Consumer<IOException> onFailure;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition requested = lock.newCondition();
    private final Condition flushed = lock.newCondition();
    private final Thread thread;
    private long requestedOffset;
    private long flushedOffset;
    /** Bumped by {@link #rewindTo}: an fsync that started before a rewind covers nothing after it. */
    private long generation;
    private boolean failed;
    private boolean stopped;

    /**
     * @param fsync the commit-log fsync; it returns only after the fsync completed (and was reported to
     *     any observer), so every put it releases is covered by an fsync that completed before the release
     * @param onFailure told once about a failed fsync
     */
    public GroupCommitService(Fsync fsync, Consumer<IOException> onFailure) {
        this.fsync = fsync;
        this.onFailure = onFailure;
        this.thread = new Thread(this::run, "group-commit");
        this.thread.setDaemon(true);
    }

    public void start() {
        thread.start();
    }

    /**
     * Waits until an fsync covers every byte below {@code offset}.
     *
     * @return true if covered; false if the timeout passed first, the fsync failed or the service stopped
     */
    public boolean awaitFlushed(long offset, Duration timeout) throws InterruptedException {
        long remaining = timeout.toNanos();
        lock.lock();
        try {
            if (offset > requestedOffset) {
                requestedOffset = offset;
                requested.signal();
            }
            while (flushedOffset < offset) {
                if (failed || stopped || remaining <= 0) {
                    return false;
                }
                remaining = flushed.awaitNanos(remaining);
            }
            return true;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Forgets flushes past {@code offset}: the log was cut there, so bytes written there later still
     * need an fsync. An fsync running now counts for nothing.
     */
    public void rewindTo(long offset) {
        lock.lock();
        try {
            flushedOffset = Math.min(flushedOffset, offset);
            requestedOffset = Math.min(requestedOffset, offset);
            generation++;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void close() throws InterruptedException {
        lock.lock();
        try {
            stopped = true;
            requested.signal();
            flushed.signalAll();
        } finally {
            lock.unlock();
        }
        thread.join(TimeUnit.SECONDS.toMillis(10));
    }

    private void run() {
        try {
            for (long started = awaitRequest(); started >= 0; started = awaitRequest()) {
                release(fsync.flush(), started);
            }
        } catch (IOException e) {
            log.error("commit-log fsync failed; the store stops accepting writes", e);
            fail(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException | Error e) {
            log.error("group commit thread died; the store stops accepting writes", e);
            fail(new IOException("group commit thread died", e));
        }
    }

    /** Waits for a put that needs an fsync; returns the generation it starts in, or -1 once stopped. */
    private long awaitRequest() throws InterruptedException {
        lock.lock();
        try {
            while (!stopped && requestedOffset <= flushedOffset) {
                requested.await();
            }
            return stopped ? -1 : generation;
        } finally {
            lock.unlock();
        }
    }

    private void release(long covered, long startedIn) {
        lock.lock();
        try {
            if (startedIn == generation) {
                flushedOffset = Math.max(flushedOffset, covered);
            }
            flushed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Turns the store read-only first, so a put released by the failure already sees it. */
    private void fail(IOException cause) {
        onFailure.accept(cause);
        lock.lock();
        try {
            failed = true;
            flushed.signalAll();
        } finally {
            lock.unlock();
        }
    }
}
