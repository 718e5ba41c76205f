package io.cloudmq.dataplane.lifecycle;

import java.io.IOException;

/**
 * A service of a node that {@link NodeRuntime} starts and stops: {@link #start()} once, then
 * {@link #close()} once, from the runtime's threads (never concurrently for one service).
 */
public interface Lifecycle extends AutoCloseable {

    /** Name used in log lines. */
    default String name() {
        return getClass().getSimpleName();
    }

    /** Acquires the service's resources (ports, files, threads); returns once it serves. */
    void start() throws IOException;

    /** Releases everything {@link #start()} acquired; must not throw. */
    @Override
    void close();
}
