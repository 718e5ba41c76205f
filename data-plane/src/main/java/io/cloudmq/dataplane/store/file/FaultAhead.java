package io.cloudmq.dataplane.store.file;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Faults in the pages of the last file of a {@link MappedFileQueue} a bounded window ahead of its
 * writer, read-only, so that the writer's first write to a page finds it already in the page cache and
 * mapped. Without it the writer allocates and zeroes every fresh page of the sparse file in a page
 * fault inside the put lock, which is most of a put's cost; with it that work runs on this thread, in
 * parallel with the writer. It only reads: nothing is written to the file, and at most {@code window}
 * bytes past the write position are touched, never the whole file (files stay sparse and are not
 * warmed up at creation).
 *
 * <p>Decision rules: the writer calls {@link #writerAt} after each append; when its position comes
 * within half a window of what is faulted in, the thread is woken and faults in up to a full window
 * past the write position (or to the end of the file); otherwise the thread sleeps. A new file is
 * picked up when the writer reaches it.
 *
 * <p>Threading: {@link #writerAt} from the writer; one internal daemon thread; {@link #close} from any
 * thread.
 */
public final class FaultAhead implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(FaultAhead.class);
    private static final int PAGE = 4096;

    private final MappedFileQueue files;
    private final int window;
    private final Thread thread;
    /** Offset in the queue up to which pages are faulted in. */
    private volatile long faultedUpTo;
    private volatile boolean stopped;

    /**
     * @param files the queue whose last file is written
     * @param window bytes to keep faulted in past the write position (a multiple of the page size)
     */
    public FaultAhead(MappedFileQueue files, int window) {
        this.files = files;
        this.window = window;
        this.thread = new Thread(this::run, "fault-ahead");
        this.thread.setDaemon(true);
    }

    public void start() {
        thread.start();
    }

    /** Tells the thread the writer's end offset after an append; wakes it only when it has work. */
    public void writerAt(long offset) {
        if (faultedUpTo - offset < window / 2) {
            LockSupport.unpark(thread);
        }
    }

    @Override
    public void close() throws InterruptedException {
        stopped = true;
        LockSupport.unpark(thread);
        thread.join(TimeUnit.SECONDS.toMillis(10));
    }

    private void run() {
        try {
            while (!stopped) {
                MappedFile file = files.lastOrNull();
                if (file == null || !faultIn(file)) {
                    LockSupport.park(this);
                }
            }
        } catch (RuntimeException | Error e) {
            // only a lost optimisation: the writer faults its pages in itself
            log.warn("fault-ahead thread stopped", e);
        }
    }

    /** Faults in the next part of the window of {@code file}; false if there was nothing to do. */
    private boolean faultIn(MappedFile file) {
        long start = file.startOffset();
        int written = file.writePosition();
        int from = (int) Math.max(written, Math.min(file.fileSize(), faultedUpTo - start));
        from = (from + PAGE - 1) / PAGE * PAGE;
        int to = (int) Math.min(file.fileSize(), (long) written + window);
        if (from >= to) {
            return false;
        }
        file.load(from, to - from);
        faultedUpTo = start + to;
        return true;
    }
}
