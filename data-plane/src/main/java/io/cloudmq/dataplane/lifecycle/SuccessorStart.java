package io.cloudmq.dataplane.lifecycle;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.util.ContextInitializer;
import ch.qos.logback.core.joran.spi.JoranException;
import io.cloudmq.dataplane.store.file.StateFile;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The start of a hot successor ({@code --successor}): a process of a node's next runtime, launched while the
 * node's current process still runs, so that the restart costs the store's opening but not a JVM's launch and
 * its class loading. It preloads its classes ({@link ClassPreloader}), runs the node's start-up code paths on
 * throwaway objects with logging off (so their classes are initialised and first compiled), writes its pid to
 * {@code <data.dir>/}{@value #READY_FILE} for the launcher to see that it is warm, then blocks on the
 * {@link NodeLock} until the current process has closed its services (a drained broker exits by itself; any
 * other is stopped by the launcher). Only then does it read the configuration and start as any node does.
 *
 * <p>Until it holds the lock it serves nothing, writes nothing under the data directory but the ready file, and
 * ends when its parent is gone (end of file on stdin, with {@code parent.watch}). Its log file is opened afresh
 * once it holds the lock: the predecessor may have rolled it meanwhile. It reports on stderr until then.
 *
 * <p>Called once, on the main thread.
 */
public final class SuccessorStart {
    /** Holds the successor's pid once it is warm; deleted when it takes over. */
    public static final String READY_FILE = "successor.ready";

    private SuccessorStart() {}

    /**
     * Warms up, marks itself ready and waits for the data directory's lock.
     *
     * @param anchor a class of the node's jar: every class of that jar is preloaded
     * @param exercise runs the node's start-up code paths on throwaway objects, with logging off
     * @param parent the parent's pipe when {@code parent.watch} is on: its end stops the wait (and the JVM)
     */
    public static NodeLock warmUpAndAwait(Path dataDir, Class<?> anchor, Runnable exercise, InputStream parent,
            boolean watchParent) throws IOException {
        AtomicBoolean waiting = new AtomicBoolean(true);
        if (watchParent) {
            ParentWatcher.watch(parent, () -> {
                if (waiting.get()) {
                    System.exit(0);
                }
            });
        }
        ClassPreloader.Preloaded preloaded = ClassPreloader.preload(anchor, true);
        long exercised = System.nanoTime();
        silenceLogging();
        exercise.run();
        long exerciseMillis = (System.nanoTime() - exercised) / 1_000_000;
        Files.createDirectories(dataDir);
        Path ready = dataDir.resolve(READY_FILE);
        new StateFile(ready).write(Long.toString(ProcessHandle.current().pid()).getBytes(StandardCharsets.US_ASCII));
        System.err.printf("cloudmq-node successor %d: %d classes preloaded (%d skipped) in %d ms, start-up paths "
                + "exercised in %d ms; waiting for %s%n", ProcessHandle.current().pid(), preloaded.loaded(),
                preloaded.skipped(), preloaded.millis(), exerciseMillis, dataDir.resolve(NodeLock.FILE));
        NodeLock lock = NodeLock.await(dataDir);
        waiting.set(false);
        Files.deleteIfExists(ready);
        reopenLogFiles();
        return lock;
    }

    /** Turns every logger off: the warm-up's lines would read as the running predecessor's. */
    private static void silenceLogging() {
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
            context.getLogger(Logger.ROOT_LOGGER_NAME).setLevel(Level.OFF);
        }
    }

    /** Configures logging afresh (the levels the warm-up turned off, the file the predecessor may have rolled). */
    private static void reopenLogFiles() throws IOException {
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
            context.reset();
            try {
                new ContextInitializer(context).autoConfig();
            } catch (JoranException e) {
                throw new IOException("cannot configure logging again: " + e.getMessage(), e);
            }
        }
    }
}
