package io.cloudmq.dataplane.store.flush;

import java.io.IOException;
import java.time.Duration;
import java.util.Iterator;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Group commit for {@link FlushMode#SYNC_FLUSH}: a put is durable once an fsync covers its record, and one
 * fsync covers every put written before it started. While an fsync runs, new puts queue up; the next
 * fsync then covers all of them, so the fsync rate stays bounded while throughput grows with the
 * number of writers — and no writer thread has to wait: {@link #flushed} returns a future the flushing
 * thread completes, so any number of puts in flight share an fsync however few threads put.
 *
 * <p>Decision rules of the flushing thread: (1) sleep while no put waits for more than is flushed;
 * (2) otherwise fsync everything written, publish the covered offset, complete exactly the waits it covers
 * and go straight on to the next fsync if a put is already waiting for one; (3) a failed fsync is never
 * retried: pending and later waits complete unflushed ({@code false}), and the failure handler turns the
 * store read-only first. A wait whose timeout passes completes with {@code false} (on the JDK's delayer
 * thread) even while an fsync hangs.
 *
 * <p>No lock on the put path: a put reads the published offset and registers its wait; the flushing
 * thread completes only the waits it covered. Completing a wait runs its dependent stages on the
 * flushing thread, so they must be short (building and writing a response is).
 *
 * <p>Threading: {@link #flushed} and {@link #awaitFlushed} from any number of put threads;
 * {@link #rewindTo} from the store's writer under the put lock; one internal flushing thread.
 */
public final class GroupCommitService implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(GroupCommitService.class);
    private static final CompletableFuture<Boolean> COVERED = CompletableFuture.completedFuture(true);
    private static final CompletableFuture<Boolean> UNCOVERED = CompletableFuture.completedFuture(false);

    /** A pending put's wait: the offset it needs covered and the future that says whether it was. */
    private record Waiter(long offset, CompletableFuture<Boolean> covered) {}

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
     *     any observer), so every wait it completes is covered by an fsync that completed before
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
     * Asks for an fsync covering every byte below {@code offset} without waiting for it.
     *
     * @return completes with true once covered; with false if the timeout passes first, the fsync fails
     *     or the service stops. Already complete if the offset is covered (or cannot be) now.
     */
    public CompletableFuture<Boolean> flushed(long offset, Duration timeout) {
        if (flushedOffset >= offset) {
            return COVERED;
        }
        if (failed || stopped) {
            return UNCOVERED;
        }
        Waiter waiter = new Waiter(offset, new CompletableFuture<>());
        waiters.add(waiter);
        if (requestedOffset.getAndAccumulate(offset, Math::max) < offset) {
            LockSupport.unpark(thread);
        }
        // a release or failure that published before the add above may have missed the new wait
        if (flushedOffset >= offset) {
            complete(waiter, true);
        } else if (failed || stopped) {
            complete(waiter, false);
        } else {
            waiter.covered().completeOnTimeout(false, timeout.toNanos(), TimeUnit.NANOSECONDS)
                    .thenAccept(covered -> forgetUncovered(waiter, covered));
        }
        return waiter.covered();
    }

    /**
     * Waits until an fsync covers every byte below {@code offset}: {@link #flushed} waited for.
     *
     * @return true if covered; false if the timeout passed first, the fsync failed or the service stopped
     */
    public boolean awaitFlushed(long offset, Duration timeout) throws InterruptedException {
        try {
            return flushed(offset, timeout).get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            return false;
        } catch (ExecutionException e) {
            throw new IllegalStateException("a flush wait never completes exceptionally", e);
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
        releaseAllUncovered();
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

    /** Publishes {@code covered} (unless a rewind intervened) and completes the waits it covers. */
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
                waiter.covered().complete(true);
            }
        }
    }

    /** Turns the store read-only first, so a put released by the failure already sees it. */
    private void fail(IOException cause) {
        onFailure.accept(cause);
        failed = true;
        releaseAllUncovered();
    }

    private void releaseAllUncovered() {
        for (Waiter waiter : waiters) {
            complete(waiter, false);
        }
    }

    private void complete(Waiter waiter, boolean covered) {
        waiters.remove(waiter);
        waiter.covered().complete(covered);
    }

    /** A wait that timed out leaves the queue at once, so a hanging fsync does not pile waits up. */
    private void forgetUncovered(Waiter waiter, boolean covered) {
        if (!covered) {
            waiters.remove(waiter);
        }
    }
}
