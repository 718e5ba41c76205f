package io.cloudmq.dataplane.lifecycle;

import java.io.IOException;
import java.io.InputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Treats end-of-file on a stream (the node's stdin, a pipe from the launching control plane) as "the parent
 * died": the kernel closes the pipe when the parent exits, however it exits. Reads and discards input on
 * one daemon thread, then runs the given action once. Stateless; the action must be thread-safe.
 */
public final class ParentWatcher {
    private static final Logger log = LoggerFactory.getLogger(ParentWatcher.class);

    private ParentWatcher() {}

    /** Starts watching {@code input} and returns the (daemon) watching thread. */
    public static Thread watch(InputStream input, Runnable onParentGone) {
        Thread thread = new DaemonThreadFactory("parent-watch").newThread(() -> {
            byte[] discard = new byte[256];
            try {
                while (input.read(discard) >= 0) {
                    // input from the parent carries no meaning; only its end does
                }
                log.warn("stdin reached end of file: parent process is gone, shutting down");
            } catch (IOException e) {
                log.warn("stdin failed ({}): parent process is gone, shutting down", e.toString());
            }
            onParentGone.run();
        });
        thread.start();
        return thread;
    }
}
