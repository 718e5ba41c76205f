package io.cloudmq.dataplane.broker.drain;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A SYNC_MASTER starts write-fenced (registered without write permission, {@link DrainPhase#FENCED}) until a
 * slave is in sync, or until a deadline passes. Without it, a restarted master would be writable at once, and
 * every send a client routes to it before its slave has reconnected would be stored but answered
 * {@code SLAVE_NOT_AVAILABLE} — a failed send. Producers send to the other broker groups meanwhile.
 *
 * <p>Which starts are fenced ({@link #decide}): every start of a SYNC_MASTER whose configuration names a
 * slave ({@code slave.addr}), after a crash as after a clean stop; and, as before, the start of a SYNC_MASTER
 * after an orchestrated drain (step 8 of ARCHITECTURE §3), which the drain marks with a marker file even
 * when no slave is named. A SYNC_MASTER that knows no slave and left no marker (a group without slaves, or
 * a slave just promoted because its master is gone) opens at once, as does every other role.
 *
 * <p>What changed from the drain-only fence: a start without the marker is fenced too when a slave is named,
 * and the fence is bounded in both cases: once {@code restart.fence.timeout.ms} has passed without a slave in
 * sync, writes open anyway and the reason is logged (a group whose slave is gone must not stay read-only; the
 * control plane's failover deals with a dead master or slave). Sends are then answered
 * {@code SLAVE_NOT_AVAILABLE} until a slave is in sync, as without the fence.
 *
 * <table>
 *   <caption>Marker file {@value #MARKER} in the node's data directory</caption>
 *   <tr><th>bytes</th><th>written</th><th>removed</th></tr>
 *   <tr><td>0 (its existence is the fact)</td><td>when an orchestrated drain has left</td>
 *   <td>by the next start of the broker role, which reads it</td></tr>
 * </table>
 *
 * Thread-safe: {@link #mark} runs on the drain's thread, {@link #fenceAtStart} at the role's start,
 * {@link #reopenWhenInSync} on the broker's background thread, {@link #waitingForSlave} on send threads.
 */
public final class RestartFence {
    static final String MARKER = "drained.marker";
    private static final Logger log = LoggerFactory.getLogger(RestartFence.class);

    /** What a start of the broker role does about writes. */
    public enum Decision {
        /** Not a SYNC_MASTER: nothing waits for a slave. */
        OPEN_NOT_SYNC_MASTER,
        /** A SYNC_MASTER that knows no slave and was not drained: nothing to wait for. */
        OPEN_NO_SLAVE_KNOWN,
        /** A SYNC_MASTER restarted after an orchestrated drain: fenced until a slave is in sync. */
        FENCED_AFTER_DRAIN,
        /** A SYNC_MASTER with a named slave, started without a drain (crash, clean stop, first start). */
        FENCED_UNTIL_SLAVE_IN_SYNC;

        /** Whether the start registers without write permission. */
        public boolean fenced() {
            return this == FENCED_AFTER_DRAIN || this == FENCED_UNTIL_SLAVE_IN_SYNC;
        }
    }

    private final Path marker;
    private final Duration timeout;
    private final Clock clock;
    /** Written under this object's lock; volatile so that {@link #waitingForSlave} reads it without the lock. */
    private volatile @Nullable Instant fencedAt;

    /**
     * @param dataDir the node's data directory, which holds the marker
     * @param timeout how long a fenced start waits for a slave in sync before it opens writes anyway
     */
    public RestartFence(Path dataDir, Duration timeout, Clock clock) {
        this.marker = dataDir.resolve(MARKER);
        this.timeout = timeout;
        this.clock = clock;
    }

    /** Leaves the marker for the next start; called once an orchestrated drain has left. */
    public void mark() throws IOException {
        Files.write(marker, new byte[0]);
    }

    /** Whether a start is fenced, from the role, the marker and whether a slave is named. Pure. */
    public static Decision decide(boolean syncMaster, boolean drained, boolean slaveKnown) {
        if (!syncMaster) {
            return Decision.OPEN_NOT_SYNC_MASTER;
        }
        if (drained) {
            return Decision.FENCED_AFTER_DRAIN;
        }
        return slaveKnown ? Decision.FENCED_UNTIL_SLAVE_IN_SYNC : Decision.OPEN_NO_SLAVE_KNOWN;
    }

    /**
     * Takes the marker at the start of the broker role, before its first registration, and decides
     * ({@link #decide}); a fenced start enters {@link DrainPhase#FENCED} and waits for a slave in sync. An open
     * start changes nothing: a fence set by someone else stays (a switchover fences a slave before promoting it,
     * and the promoted role starts under that fence until the control plane unfences it).
     */
    public synchronized Decision fenceAtStart(boolean syncMaster, boolean slaveKnown, DrainState state)
            throws IOException {
        Decision decision = decide(syncMaster, Files.deleteIfExists(marker), slaveKnown);
        if (decision.fenced()) {
            state.enter(DrainPhase.FENCED);
            fencedAt = clock.instant();
            log.info("{}: writes open once a slave is in sync, at the latest after {} ms", decision,
                    timeout.toMillis());
        } else {
            log.info("{}: writes open at once", decision);
        }
        return decision;
    }

    /** Whether this start is fenced and still waits for a slave in sync; read on every send of a SYNC_MASTER. */
    public boolean waitingForSlave() {
        return fencedAt != null;
    }

    /**
     * Ends this start's fence when its role stops before a slave was in sync (a master fenced at its start and
     * then demoted): the process's next role must not inherit it. A fence set by someone else stays.
     */
    public synchronized void abandon(DrainState state) {
        if (fencedAt != null && state.phase() == DrainPhase.FENCED) {
            state.enter(DrainPhase.SERVING);
            log.info("the role stopped before a slave was in sync: its start's fence is not carried over");
        }
        fencedAt = null;
    }

    /**
     * Re-opens writes ({@link DrainSequence#unfence()}) once after a fenced start: when a slave is in sync, or
     * when the timeout has passed without one. Stops waiting without re-opening when something else left the
     * start's fence (an operator's {@code unfence}, or a drain).
     */
    public synchronized void reopenWhenInSync(BooleanSupplier slaveInSync, DrainState state, DrainSequence sequence)
            throws InterruptedException {
        Instant since = fencedAt;
        if (since == null) {
            return;
        }
        if (state.phase() != DrainPhase.FENCED) {
            fencedAt = null;
            log.info("the start's fence was ended by something else (phase {}); no longer waiting for a slave",
                    state.phase());
            return;
        }
        Duration waited = Duration.between(since, clock.instant());
        if (slaveInSync.getAsBoolean()) {
            fencedAt = null;
            log.info("a slave is in sync after {} ms: opening writes, {}", waited.toMillis(),
                    sequence.unfence().status());
        } else if (waited.compareTo(timeout) >= 0) {
            fencedAt = null;
            log.warn("no slave in sync {} ms after the start: opening writes anyway (restart.fence.timeout.ms); sends "
                    + "are answered SLAVE_NOT_AVAILABLE until a slave is in sync, {}", waited.toMillis(),
                    sequence.unfence().status());
        }
    }
}
