package io.cloudmq.dataplane.broker.drain;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/**
 * The node's own request log, reduced to what an upgrade report needs: when this process admitted its
 * first and its latest request for processing. Thread-safe and lock-free ({@link #record()} runs on every
 * request's event loop).
 */
public final class ServedRequests {
    private static final long NEVER = -1;

    private final Clock clock;
    private final AtomicLong first = new AtomicLong(NEVER);
    private final AtomicLong last = new AtomicLong(NEVER);

    public ServedRequests(Clock clock) {
        this.clock = clock;
    }

    /** Records a request admitted now. */
    public void record() {
        long now = clock.millis();
        first.compareAndSet(NEVER, now);
        last.accumulateAndGet(now, Math::max);
    }

    public @Nullable Instant first() {
        return toInstant(first.get());
    }

    public @Nullable Instant last() {
        return toInstant(last.get());
    }

    private static @Nullable Instant toInstant(long millis) {
        return millis == NEVER ? null : Instant.ofEpochMilli(millis);
    }
}
