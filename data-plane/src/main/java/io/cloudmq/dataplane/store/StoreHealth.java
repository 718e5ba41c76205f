package io.cloudmq.dataplane.store;

import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether the store accepts writes. A disk failure flips it to read-only once, for good: a failed
 * fsync is never retried, the node needs a restart (and recovery) to write again.
 *
 * <p>Threading: thread-safe.
 */
public final class StoreHealth {
    private static final Logger log = LoggerFactory.getLogger(StoreHealth.class);

    private final AtomicReference<@Nullable String> failure = new AtomicReference<>();

    public boolean isWritable() {
        return failure.get() == null;
    }

    /** Why the store is read-only, or {@code null} while writable. */
    public @Nullable String failure() {
        return failure.get();
    }

    /** Turns the store read-only; only the first reason is kept. */
    public void markNotWritable(String reason) {
        if (failure.compareAndSet(null, reason)) {
            log.error("store is read-only from now on: {}", reason);
        }
    }
}
