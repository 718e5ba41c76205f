package io.cloudmq.controlplane.standalone;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * A tiny shell process that sends SIGINT to a target process once this JVM is gone.
 *
 * <p>The watchdog blocks reading its stdin, a pipe whose only writer is this JVM. When the JVM exits for
 * any reason, SIGKILL included, the kernel closes the pipe, the read returns EOF and the watchdog signals
 * the target. {@link #disarm} kills the watchdog first, for a normal shutdown that stops the target itself.
 */
final class ParentDeathWatchdog {
    private final Process watchdog;

    private ParentDeathWatchdog(Process watchdog) {
        this.watchdog = watchdog;
    }

    /** Arms a watchdog that sends SIGINT (PostgreSQL's fast shutdown) to {@code pid} when this JVM dies. */
    static ParentDeathWatchdog interruptOnParentDeath(long pid) {
        ProcessBuilder builder = new ProcessBuilder("sh", "-c", "cat > /dev/null; kill -INT " + pid)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD);
        try {
            return new ParentDeathWatchdog(builder.start());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the parent-death watchdog for pid " + pid, e);
        }
    }

    void disarm() {
        watchdog.destroy();
    }
}
