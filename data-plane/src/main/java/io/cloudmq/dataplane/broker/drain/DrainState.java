package io.cloudmq.dataplane.broker.drain;

import java.time.Clock;

/**
 * The drain phase of one broker process and the time it has spent write-fenced (every phase but
 * {@link DrainPhase#SERVING} is fenced). Thread-safe: the phase is read on every request's event loop and
 * changed by the drain sequence.
 */
public final class DrainState {
    private final Clock clock;
    private volatile DrainPhase phase = DrainPhase.SERVING;
    private long fencedSinceMillis;
    private long fencedTotalMillis;

    public DrainState(Clock clock) {
        this.clock = clock;
    }

    public DrainPhase phase() {
        return phase;
    }

    /** Enters {@code next}, accounting the fenced time when the fence starts or ends. */
    public synchronized void enter(DrainPhase next) {
        long now = clock.millis();
        if (!phase.fenced() && next.fenced()) {
            fencedSinceMillis = now;
        } else if (phase.fenced() && !next.fenced()) {
            fencedTotalMillis += now - fencedSinceMillis;
        }
        phase = next;
    }

    /** Total time fenced, including a fence still in force. */
    public synchronized long fencedMillis() {
        return fencedTotalMillis + (phase.fenced() ? clock.millis() - fencedSinceMillis : 0);
    }
}
