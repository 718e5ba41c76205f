package io.cloudmq.dataplane.remoting.netty;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/**
 * The node's own request log, reduced to what an upgrade report needs: when this process admitted its
 * first and its latest request for processing; and when the latest request of any kind arrived (a GO_AWAY
 * one too), so a leaving broker knows when its connections have gone quiet; and since when the process accepts
 * requests at all (an idle node serves none, yet is available). Thread-safe and lock-free
 * ({@link #arrived()} and {@link #record()} run on every request's event loop).
 */
public final class ServedRequests {
    private static final long NEVER = -1;

    private final Clock clock;
    private final AtomicLong first = new AtomicLong(NEVER);
    private final AtomicLong last = new AtomicLong(NEVER);
    private final AtomicLong lastArrival = new AtomicLong(NEVER);
    private final AtomicLong acceptingSince = new AtomicLong(NEVER);

    public ServedRequests(Clock clock) {
        this.clock = clock;
    }

    /** Records a request that arrived now, whatever is done with it. */
    public void arrived() {
        lastArrival.accumulateAndGet(clock.millis(), Math::max);
    }

    /** Whether no request arrived within {@code quiet}. */
    public boolean quietFor(Duration quiet) {
        return clock.millis() - lastArrival.get() >= quiet.toMillis();
    }

    /** Records a request admitted now. */
    public void record() {
        long now = clock.millis();
        first.compareAndSet(NEVER, now);
        last.accumulateAndGet(now, Math::max);
    }

    /** Records that the process accepts requests from now on (kept from the first call). */
    public void accepting() {
        acceptingSince.compareAndSet(NEVER, clock.millis());
    }

    public @Nullable Instant acceptingSince() {
        return toInstant(acceptingSince.get());
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
