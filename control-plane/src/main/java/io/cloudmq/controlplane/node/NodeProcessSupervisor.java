package io.cloudmq.controlplane.node;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one node as a child JVM and restarts it after a back-off when it exits while it should be running.
 *
 * <p>The child's stdin is a pipe kept open by this JVM: when this JVM dies, even by SIGKILL, the child
 * reads EOF and shuts down ({@code parent.watch=true}). Its stdout and stderr are appended to
 * {@code <node dir>/logs/console.log}. The back-off doubles for every crash that follows a run shorter than
 * {@link #STABLE_RUN} and is reset by a longer run.
 *
 * <p>Before every launch, first start and restarts alike, {@code prepare} runs (the launcher rewrites the
 * node's configuration there, so a restarted broker takes its group's current role and epoch).
 *
 * <p>An exit with code 0 is not a crash: a node exits so only after a drain left (or a requested stop), and
 * it stays down until {@link #restartWith} starts it again, usually from another runtime (an upgrade).
 *
 * <p>Hot successors: {@link #prepareSuccessor} launches the next runtime's process beside the running one
 * ({@code --successor}); it preloads its classes, writes its pid to {@code <node dir>/successor.ready} and waits
 * for the data directory's lock, which the running process releases once it has closed its services. When the
 * running process leaves with code 0 (a drained broker exits by itself) or {@link #restartWith} stops it, the
 * successor becomes the supervised process: the node is back within the store's opening instead of a JVM's
 * launch. A crash while a successor waits kills the successor (the crash is restarted on the current runtime).
 *
 * <p>Thread-safe: {@link #start} and {@link #stop} come from the launcher, exits from the process reaper.
 */
final class NodeProcessSupervisor {
    private static final Logger log = LoggerFactory.getLogger(NodeProcessSupervisor.class);
    private static final Duration STABLE_RUN = Duration.ofMinutes(1);
    private static final Duration STOP_DEADLINE = Duration.ofSeconds(30);
    private static final Duration WARM_DEADLINE = Duration.ofSeconds(60);
    private static final Duration WARM_POLL = Duration.ofMillis(20);
    private static final String READY_FILE = "successor.ready";

    private final String nodeId;
    private List<String> command;
    private final Runnable prepare;
    private final Path nodeDir;
    private final Path consoleLog;
    private final ScheduledExecutorService restarts;
    private final LocalClusterProperties properties;
    private final Clock clock;

    private @Nullable Process process;
    private Instant startedAt = Instant.EPOCH;
    private Duration nextBackoff;
    private boolean running;
    /** Whether the running process was a successor (so a restart to its command is done already). */
    private boolean tookOver;
    /** While {@link #restartWith} stops the running process: its exit is the hand-over, not a crash. */
    private boolean handingOver;
    private @Nullable Process successor;
    private List<String> successorCommand = List.of();
    /** Whether the successor was seen warm: it deletes its ready file once it holds the lock (took over). */
    private boolean successorWarm;

    NodeProcessSupervisor(String nodeId, List<String> command, Runnable prepare, Path nodeDir,
            ScheduledExecutorService restarts, LocalClusterProperties properties, Clock clock) {
        this.nodeId = nodeId;
        this.command = List.copyOf(command);
        this.prepare = prepare;
        this.nodeDir = nodeDir;
        this.consoleLog = nodeDir.resolve("logs").resolve("console.log");
        this.restarts = restarts;
        this.properties = properties;
        this.clock = clock;
        this.nextBackoff = properties.restartBackoff();
    }

    synchronized void start() {
        running = true;
        launch();
    }

    /** Asks the node to shut down (SIGTERM runs its graceful shutdown), waits, then kills it if it must. */
    void stop() {
        Process current;
        synchronized (this) {
            running = false;
            current = process;
        }
        discardSuccessor();
        terminate(current);
    }

    /**
     * Launches a hot successor that will run {@code newCommand} (launched as {@code asSuccessor}, the same with
     * {@code --successor}) unless one waits already, and waits until it is warm, at most a minute.
     *
     * <p>Nothing is launched when the node runs {@code newCommand} already (its successor took over) or no process
     * runs (a cold start is as quick).
     *
     * @return whether a warm successor waits for the running process to stop
     */
    boolean prepareSuccessor(List<String> newCommand, List<String> asSuccessor) {
        Process waiting;
        synchronized (this) {
            if (runs(newCommand) || process == null || !process.isAlive()) {
                return false;
            }
            if (successor == null || !successor.isAlive() || !successorCommand.equals(newCommand)) {
                discardSuccessorNow();
                successor = spawn(asSuccessor, "successor");
                successorCommand = List.copyOf(newCommand);
                successorWarm = false;
            }
            if (successorWarm) {
                return true;
            }
            waiting = successor;
        }
        boolean warm = waiting != null && awaitWarm(waiting);
        synchronized (this) {
            successorWarm = warm && waiting == successor;
        }
        return warm;
    }

    /** Stops a successor that did not take over (the drain it was prepared for failed). */
    void discardSuccessor() {
        Process waiting;
        synchronized (this) {
            waiting = successor;
            successor = null;
        }
        terminate(waiting);
    }

    /**
     * Stops the node as {@link #stop} does (a node that left after a drain has exited already) and starts it
     * with {@code newCommand}, which later restarts after a crash keep using. While the old process runs, a hot
     * successor is made ready first and takes over once the old process stopped; a node that left already is
     * started cold unless its successor waits. A successor that took over to run {@code newCommand} already
     * (the drained broker left) is simply kept.
     *
     * @return the new process id, {@code null} if the launch failed (it is retried after the back-off)
     */
    @Nullable Long restartWith(List<String> newCommand, List<String> asSuccessor) {
        Process old;
        synchronized (this) {
            if (runs(newCommand)) {
                return Objects.requireNonNull(process).pid();
            }
            old = process;
            handingOver = true;
        }
        try {
            prepareSuccessor(newCommand, asSuccessor);
            terminate(old);
            synchronized (this) {
                if (!runs(newCommand)) {
                    command = List.copyOf(newCommand);
                    running = true;
                    nextBackoff = properties.restartBackoff();
                    if (successor != null && successor.isAlive() && successorCommand.equals(newCommand)) {
                        takeOver();
                    } else {
                        discardSuccessorNow();
                        launch();
                    }
                }
                Process started = process;
                return started != null && started.isAlive() ? started.pid() : null;
            }
        } finally {
            synchronized (this) {
                handingOver = false;
            }
        }
    }

    /** Whether the running process is a successor that took over to run {@code newCommand}. */
    private boolean runs(List<String> newCommand) {
        return tookOver && newCommand.equals(command) && process != null && process.isAlive();
    }

    private void terminate(@Nullable Process current) {
        if (current == null || !current.isAlive()) {
            return;
        }
        current.destroy();
        try {
            if (!current.waitFor(STOP_DEADLINE.toSeconds(), TimeUnit.SECONDS)) {
                log.warn("Node {} did not stop within {}; killing it", nodeId, STOP_DEADLINE);
                current.destroyForcibly().waitFor(STOP_DEADLINE.toSeconds(), TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            current.destroyForcibly();
        }
    }

    private void launch() {
        process = spawn(command, "node");
        startedAt = clock.instant();
        tookOver = false;
        if (process == null) {
            log.error("Node {} could not be started; retrying in {}", nodeId, nextBackoff);
            scheduleRestart();
        }
    }

    /** Starts {@code processCommand} after {@code prepare}; null if that failed (logged). */
    private @Nullable Process spawn(List<String> processCommand, String what) {
        try {
            prepare.run();
            Files.createDirectories(consoleLog.getParent());
            Process started = new ProcessBuilder(processCommand)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(consoleLog.toFile()))
                    .start();
            log.info("Node {}: {} started (pid {})", nodeId, what, started.pid());
            started.onExit().thenAccept(this::exited);
            return started;
        } catch (IOException | RuntimeException e) {
            log.error("Node {}: {} could not be started", nodeId, what, e);
            return null;
        }
    }

    private void discardSuccessorNow() {
        if (successor != null) {
            successor.destroyForcibly();
            successor = null;
        }
    }

    /** The waiting successor becomes the node's process; it starts serving once the old one released the lock. */
    private void takeOver() {
        Process next = Objects.requireNonNull(successor);
        successor = null;
        process = next;
        command = successorCommand;
        startedAt = clock.instant();
        tookOver = true;
        log.info("Node {}: successor (pid {}) takes over", nodeId, next.pid());
    }

    /** Polls the successor's ready file until it names the successor's pid, the successor died or time is up. */
    private boolean awaitWarm(Process waiting) {
        Path ready = nodeDir.resolve(READY_FILE);
        String pid = Long.toString(waiting.pid());
        long deadline = System.nanoTime() + WARM_DEADLINE.toNanos();
        try {
            while (waiting.isAlive() && System.nanoTime() < deadline) {
                if (pid.equals(readQuietly(ready))) {
                    return true;
                }
                Thread.sleep(WARM_POLL.toMillis());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        log.warn("Node {}: successor (pid {}) not warm within {}; the restart starts the node cold", nodeId,
                waiting.pid(), WARM_DEADLINE);
        return false;
    }

    /** The file's content, stripped; empty if it cannot be read (not written yet, or already deleted). */
    private static String readQuietly(Path file) {
        try {
            return Files.readString(file).strip();
        } catch (IOException e) {
            return "";
        }
    }

    private synchronized void exited(Process exited) {
        if (exited == successor) {
            successor = null;
            log.warn("Node {}: successor (pid {}) exited with {} before it took over", nodeId, exited.pid(),
                    exited.exitValue());
            return;
        }
        if (!running || handingOver || exited != process) {
            return;
        }
        if (exited.exitValue() == 0) {
            if (successor != null && successor.isAlive()) {
                takeOver();
                return;
            }
            running = false;
            log.info("Node {} (pid {}) left with exit code 0; it stays down until it is restarted", nodeId, exited.pid());
            return;
        }
        // a crash is restarted on the runtime that crashed; the upgrade step that prepared a successor failed
        discardSuccessorNow();
        Duration ran = Duration.between(startedAt, clock.instant());
        if (ran.compareTo(STABLE_RUN) >= 0) {
            nextBackoff = properties.restartBackoff();
        }
        log.warn("Node {} (pid {}) exited with {} after {}; restarting in {}",
                nodeId, exited.pid(), exited.exitValue(), ran, nextBackoff);
        scheduleRestart();
    }

    private void scheduleRestart() {
        Duration delay = nextBackoff;
        nextBackoff = min(nextBackoff.multipliedBy(2), properties.maxRestartBackoff());
        restarts.schedule(this::restartIfStillWanted, delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    private synchronized void restartIfStillWanted() {
        if (running && !handingOver && (process == null || !process.isAlive())) {
            launch();
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
