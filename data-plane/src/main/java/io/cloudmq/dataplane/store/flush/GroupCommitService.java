package io.cloudmq.dataplane.store.flush;

import java.io.IOException;
import java.time.Duration;
import java.util.Iterator;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
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
 * (2) otherwise fsync everything written, publish the covered offset, wake exactly the puts it covers
 * and go straight on to the next fsync if a put is already waiting for one; (3) a failed fsync is never
 * retried: waiting and later puts are released unflushed, and the failure handler turns the store
 * read-only.
 *
 * <p>No lock on the put path: a put reads the published offset, registers itself and parks; the
 * flushing thread unparks only the puts it covered, so a release costs one wake-up per covered put and
 * no put has to queue for a lock to return (the convoy a shared condition and {@code signalAll} cause).
 *
 * <p>Threading: {@link #awaitFlushed} from any number of put threads; {@link #rewindTo} from the store's
 * writer under the put lock; one internal flushing thread.
 */
public final class GroupCommitService implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(GroupCommitService.class);

    /** A parked put and the offset it waits for. */
    private record Waiter(Thread thread, long offset) {}

    private final Fsync fsync;
    private final Consumer<IOException> onFailure;
    private final Thread thread;
    private final ConcurrentLinkedQueue<Waiter> waiters = new ConcurrentLinkedQueue<>();
    private final AtomicLong requestedOffset = new AtomicLong();
    private volatile long flushedOffset;
    /** Bumped by {@link #rewindTo}: an fsync that started before a rewind covers nothing after it. */
    private volatile long generation;
    private volatile boolean failed;
    private volatile boolean stopped;

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
        if (flushedOffset >= offset) {
            return true;
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        Waiter waiter = new Waiter(Thread.currentThread(), offset);
        waiters.add(waiter);
        try {
            if (requestedOffset.getAndAccumulate(offset, Math::max) < offset) {
                LockSupport.unpark(thread);
            }
            while (flushedOffset < offset) {
                long remaining = deadline - System.nanoTime();
                if (failed || stopped || remaining <= 0) {
                    return false;
                }
                LockSupport.parkNanos(this, remaining);
                if (Thread.interrupted()) {
                    throw new InterruptedException();
                }
            }
            return true;
        } finally {
            waiters.remove(waiter);
        }
    }

    /**
     * Forgets flushes past {@code offset}: the log was cut there, so bytes written there later still
     * need an fsync. An fsync running now counts for nothing.
     */
    public synchronized void rewindTo(long offset) {
        generation++;
        flushedOffset = Math.min(flushedOffset, offset);
        requestedOffset.accumulateAndGet(offset, Math::min);
    }

    @Override
    public void close() throws InterruptedException {
        stopped = true;
        LockSupport.unpark(thread);
        wakeAll();
        thread.join(TimeUnit.SECONDS.toMillis(10));
    }

    private void run() {
        try {
            while (!stopped) {
                if (requestedOffset.get() <= flushedOffset) {
                    // a put raises the requested offset before it unparks this thread, so none is missed
                    LockSupport.park(this);
                    continue;
                }
                long startedIn = generation;
                release(fsync.flush(), startedIn);
            }
        } catch (IOException e) {
            log.error("commit-log fsync failed; the store stops accepting writes", e);
            fail(e);
        } catch (RuntimeException | Error e) {
            log.error("group commit thread died; the store stops accepting writes", e);
            fail(new IOException("group commit thread died", e));
        }
    }

    /** Publishes {@code covered} (unless a rewind intervened) and wakes the puts it covers. */
    private void release(long covered, long startedIn) {
        synchronized (this) {
            if (startedIn == generation && covered > flushedOffset) {
                flushedOffset = covered;
            }
        }
        long flushed = flushedOffset;
        for (Iterator<Waiter> it = waiters.iterator(); it.hasNext(); ) {
            Waiter waiter = it.next();
            if (waiter.offset() <= flushed) {
                it.remove();
                LockSupport.unpark(waiter.thread());
            }
        }
    }

    /** Turns the store read-only first, so a put released by the failure already sees it. */
    private void fail(IOException cause) {
        onFailure.accept(cause);
        failed = true;
        wakeAll();
    }

    private void wakeAll() {
        for (Waiter waiter : waiters) {
            LockSupport.unpark(waiter.thread());
        }
    }
}
