package io.cloudmq.dataplane.broker.drain;

import io.cloudmq.api.node.NodeDrainResult;
import io.cloudmq.api.node.NodeDrainStatus;
import io.cloudmq.api.node.NodeDrainStep;
import io.cloudmq.dataplane.config.DrainConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The drain state machine of one broker (ARCHITECTURE §3): {@link #fence()}, {@link #unfence()} and
 * {@link #drain(DrainMode)} (steps 4–7, fencing first if nobody did). Every wait is a condition with a
 * deadline from {@link DrainConfig}:
 *
 * <table>
 *   <caption>Steps of a drain</caption>
 *   <tr><th>step</th><th>phase entered</th><th>condition</th><th>deadline missed</th></tr>
 *   <tr><td>fence (a master only)</td><td>FENCED</td><td>every name server confirmed</td><td>at risk</td></tr>
 *   <tr><td>propagate (only when the drain fenced)</td><td>FENCED</td><td>time passed</td><td>—</td></tr>
 *   <tr><td>close-sends</td><td>CLOSING_SENDS</td><td>no send stored for the quiet period</td><td>proceed</td></tr>
 *   <tr><td>freeze</td><td>FROZEN</td><td>admitted sends answered</td><td>at risk</td></tr>
 *   <tr><td>flush</td><td>FROZEN</td><td>commit log forced, checkpoint written</td><td>at risk</td></tr>
 *   <tr><td>replica</td><td>FROZEN</td><td>every connected slave confirmed the end</td><td>at risk</td></tr>
 *   <tr><td>quiesce-consumers</td><td>QUIESCING</td><td>online groups committed up to max</td><td>proceed</td></tr>
 *   <tr><td>leave</td><td>LEAVING</td><td>held pulls answered, unregistered, connections refused</td><td>—</td></tr>
 *   <tr><td>close-grace</td><td>LEAVING, then LEFT</td><td>no request arrived for the quiet period</td><td>proceed</td></tr>
 * </table>
 *
 * A step "at risk" whose deadline passes ends an {@link DrainMode#ORCHESTRATED} drain: writes re-open
 * (phase SERVING, registered writable) and the answer says {@link NodeDrainStatus#REOPENED}; in a
 * {@link DrainMode#SHUTDOWN} drain it is logged with what was outstanding and the drain goes on.
 *
 * <p>Thread-safe: actions run one at a time (a SIGTERM during an orchestrated drain waits for it).
 */
public final class DrainSequence {
    private static final Logger log = LoggerFactory.getLogger(DrainSequence.class);

    private final DrainParts parts;
    private final DrainState state;
    private final WriteTracker writes;
    private final DrainTarget target;
    private final ConditionWait waits;
    private final DrainConfig config;

    public DrainSequence(DrainParts parts, DrainTarget target, ConditionWait waits, DrainConfig config) {
        this.parts = parts;
        this.state = parts.state();
        this.writes = parts.writes();
        this.target = target;
        this.waits = waits;
        this.config = config;
    }

    /**
     * Re-registers without write permission and answers once every name server confirmed; sends that still
     * arrive are stored. A fence not confirmed in time re-opens writes.
     *
     * @throws IllegalStateException if a drain has already gone past the fence
     */
    public synchronized NodeDrainResult fence() throws InterruptedException {
        requireBeforeDrain("fence");
        Steps steps = new Steps();
        if (!fenceStep(steps)) {
            return reopen(steps);
        }
        return steps.result(NodeDrainStatus.FENCED);
    }

    /**
     * Re-registers with write permission.
     *
     * @throws IllegalStateException if a drain has already gone past the fence
     */
    public synchronized NodeDrainResult unfence() throws InterruptedException {
        requireBeforeDrain("unfence");
        return reopen(new Steps());
    }

    /** Runs the drain to its end ({@link NodeDrainStatus#LEFT}) or, orchestrated, until a step at risk misses its deadline. */
    public synchronized NodeDrainResult drain(DrainMode mode) throws InterruptedException {
        Steps steps = new Steps();
        if (state.phase() == DrainPhase.LEFT) {
            return steps.result(NodeDrainStatus.LEFT);
        }
        if (state.phase() == DrainPhase.SERVING && target.takesSends()) {
            if (!fenceStep(steps) && !proceedAfterMiss(mode, steps)) {
                return reopen(steps);
            }
            steps.timed("propagate", () -> {
                waits.await(() -> false, config.shutdownPropagate());
                return true;
            }, () -> "");
        }
        state.enter(DrainPhase.CLOSING_SENDS);
        steps.waitFor("close-sends", () -> writes.quietFor(config.sendsQuiet()), config.sendsTimeout(),
                () -> "sends still stored within the last " + config.sendsQuiet().toMillis() + " ms");
        state.enter(DrainPhase.FROZEN);
        if (!steps.waitFor("freeze", () -> writes.inflight() == 0, config.writesTimeout(),
                () -> writes.inflight() + " admitted sends unanswered") && !proceedAfterMiss(mode, steps)) {
            return reopen(steps);
        }
        if (!steps.timed("flush", this::flush, () -> "flush failed, see the log") && !proceedAfterMiss(mode, steps)) {
            return reopen(steps);
        }
        if (!steps.waitFor("replica", () -> target.unreplicatedBytes() == 0, config.replicaTimeout(),
                () -> target.unreplicatedBytes() + " bytes not confirmed by a slave")
                && !proceedAfterMiss(mode, steps)) {
            return reopen(steps);
        }
        state.enter(DrainPhase.QUIESCING);
        steps.waitFor("quiesce-consumers", () -> target.consumerLag() == 0, config.consumersTimeout(),
                () -> target.consumerLag() + " messages not committed by online consumer groups");
        state.enter(DrainPhase.LEAVING);
        steps.timed("leave", () -> {
            target.leave();
            return true;
        }, () -> "");
        steps.waitFor("close-grace", () -> parts.served().quietFor(config.closeQuiet()), config.closeGrace(),
                () -> "requests still arriving on open connections");
        state.enter(DrainPhase.LEFT);
        NodeDrainResult result = steps.result(NodeDrainStatus.LEFT);
        log.info("{} drain done: {}", mode, result.steps());
        return result;
    }

    private void requireBeforeDrain(String action) {
        DrainPhase phase = state.phase();
        if (phase != DrainPhase.SERVING && phase != DrainPhase.FENCED) {
            throw new IllegalStateException("cannot " + action + " in drain phase " + phase);
        }
    }

    private boolean fenceStep(Steps steps) throws InterruptedException {
        state.enter(DrainPhase.FENCED);
        return steps.waitFor("fence", confirmedRegistration(), config.fenceTimeout(),
                () -> "not every name server confirmed the fenced registration");
    }

    /** Holds once a registration succeeded; a failed attempt is replaced by a new one. */
    private BooleanSupplier confirmedRegistration() {
        AtomicReference<CompletableFuture<Void>> attempt = new AtomicReference<>(target.reregister());
        return () -> {
            CompletableFuture<Void> current = attempt.get();
            if (!current.isDone()) {
                return false;
            }
            if (!current.isCompletedExceptionally()) {
                return true;
            }
            attempt.set(target.reregister());
            return false;
        };
    }

    private boolean flush() {
        try {
            target.flush();
            return true;
        } catch (RuntimeException e) {
            log.error("flush during drain failed", e);
            return false;
        }
    }

    /** In a shutdown, logs the missed step and goes on; orchestrated, answers false (the caller re-opens). */
    private static boolean proceedAfterMiss(DrainMode mode, Steps steps) {
        NodeDrainStep missed = steps.last();
        if (mode == DrainMode.SHUTDOWN) {
            log.warn("shutdown drain goes on although step {} missed its deadline after {} ms: {}", missed.step(),
                    missed.millis(), missed.detail());
            return true;
        }
        log.warn("drain step {} missed its deadline after {} ms ({}); re-opening writes", missed.step(),
                missed.millis(), missed.detail());
        return false;
    }

    private NodeDrainResult reopen(Steps steps) throws InterruptedException {
        state.enter(DrainPhase.SERVING);
        steps.waitFor("unfence", confirmedRegistration(), config.fenceTimeout(),
                () -> "not every name server confirmed yet; the registration loop retries");
        return steps.result(NodeDrainStatus.REOPENED);
    }

    /** The steps of one action, timed, in order. Confined to the action's thread. */
    private final class Steps {
        private final List<NodeDrainStep> done = new ArrayList<>();

        boolean waitFor(String step, BooleanSupplier condition, Duration deadline, Supplier<String> outstanding)
                throws InterruptedException {
            return timed(step, () -> waits.await(condition, deadline), outstanding);
        }

        boolean timed(String step, Action action, Supplier<String> outstanding) throws InterruptedException {
            long started = System.nanoTime();
            boolean met = action.run();
            long millis = Duration.ofNanos(System.nanoTime() - started).toMillis();
            done.add(new NodeDrainStep(step, millis, met, met ? "" : outstanding.get()));
            if (!met) {
                log.warn("drain step {} not met after {} ms: {}", step, millis, last().detail());
            }
            return met;
        }

        NodeDrainStep last() {
            return done.get(done.size() - 1);
        }

        NodeDrainResult result(NodeDrainStatus status) {
            return new NodeDrainResult(status, state.phase().name(), done, parts.view());
        }
    }

    /** A step's work; answers whether its condition was met. */
    @FunctionalInterface
    private interface Action {
        boolean run() throws InterruptedException;
    }
}
