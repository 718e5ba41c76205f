package io.cloudmq.dataplane.broker.drain;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Step 8 of a drain (ARCHITECTURE §3): a SYNC_MASTER restarted after an orchestrated drain registers without
 * write permission until a slave is in sync again. Without it, the restarted master would be writable at
 * once, and every send a client routes to it before its slave has reconnected would be stored but answered
 * {@code SLAVE_NOT_AVAILABLE} — a failed send.
 *
 * <table>
 *   <caption>Marker file {@value #MARKER} in the node's data directory</caption>
 *   <tr><th>bytes</th><th>written</th><th>removed</th></tr>
 *   <tr><td>0 (its existence is the fact)</td><td>when an orchestrated drain has left</td>
 *   <td>by the next start of the broker role, which reads it</td></tr>
 * </table>
 *
 * A crash later restarts writable as before: only a drain leaves the marker. A master that is not a
 * SYNC_MASTER does not wait for a slave. Thread-safe: {@link #mark} runs on the drain's thread,
 * {@link #fenceIfDrained} at the role's start, {@link #reopenWhenInSync} on the broker's background thread.
 */
public final class RestartFence {
    static final String MARKER = "drained.marker";
    private static final Logger log = LoggerFactory.getLogger(RestartFence.class);

    private final Path marker;
    private final AtomicBoolean awaitingSlave = new AtomicBoolean();

    public RestartFence(Path dataDir) {
        this.marker = dataDir.resolve(MARKER);
    }

    /** Leaves the marker for the next start; called once an orchestrated drain has left. */
    public void mark() throws IOException {
        Files.write(marker, new byte[0]);
    }

    /**
     * Takes the marker at the start of the broker role, before its first registration: if a drain left it and
     * the role is a SYNC_MASTER, enters {@link DrainPhase#FENCED} and waits for a slave in sync.
     *
     * @return whether the broker starts fenced
     */
    public boolean fenceIfDrained(boolean syncMaster, DrainState state) throws IOException {
        if (Files.deleteIfExists(marker) && syncMaster) {
            state.enter(DrainPhase.FENCED);
            awaitingSlave.set(true);
            log.info("restarted after a drain: writes open once a slave is in sync");
        }
        return awaitingSlave.get();
    }

    /** Re-opens writes ({@link DrainSequence#unfence()}) the first time a slave is in sync after a fenced start. */
    public void reopenWhenInSync(BooleanSupplier slaveInSync, DrainSequence sequence) throws InterruptedException {
        if (awaitingSlave.get() && slaveInSync.getAsBoolean() && awaitingSlave.compareAndSet(true, false)) {
            log.info("a slave is in sync: opening writes, {}", sequence.unfence().status());
        }
    }
}
