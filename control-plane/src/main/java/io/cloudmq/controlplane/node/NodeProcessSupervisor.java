package io.cloudmq.controlplane.node;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
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
 * <p>Thread-safe: {@link #start} and {@link #stop} come from the launcher, exits from the process reaper.
 */
final class NodeProcessSupervisor {
    private static final Logger log = LoggerFactory.getLogger(NodeProcessSupervisor.class);
    private static final Duration STABLE_RUN = Duration.ofMinutes(1);
    private static final Duration STOP_DEADLINE = Duration.ofSeconds(30);

    private final String nodeId;
    private List<String> command;
    private final Runnable prepare;
    private final Path consoleLog;
    private final ScheduledExecutorService restarts;
    private final LocalClusterProperties properties;
    private final Clock clock;

    private @Nullable Process process;
    private Instant startedAt = Instant.EPOCH;
    private Duration nextBackoff;
    private boolean running;

    NodeProcessSupervisor(String nodeId, List<String> command, Runnable prepare, Path nodeDir,
            ScheduledExecutorService restarts, LocalClusterProperties properties, Clock clock) {
        this.nodeId = nodeId;
        this.command = List.copyOf(command);
        this.prepare = prepare;
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
        terminate(current);
    }

    /**
     * Stops the node as {@link #stop} does (a node that left after a drain has exited already) and starts it
     * with {@code newCommand}, which later restarts after a crash keep using.
     *
     * @return the new process id, {@code null} if the launch failed (it is retried after the back-off)
     */
    @Nullable Long restartWith(List<String> newCommand) {
        stop();
        synchronized (this) {
            command = List.copyOf(newCommand);
            running = true;
            nextBackoff = properties.restartBackoff();
            launch();
            Process started = process;
            return started != null && started.isAlive() ? started.pid() : null;
        }
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
        try {
            prepare.run();
            Files.createDirectories(consoleLog.getParent());
            Process started = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(consoleLog.toFile()))
                    .start();
            process = started;
            startedAt = clock.instant();
            log.info("Node {} started (pid {})", nodeId, started.pid());
            started.onExit().thenAccept(this::exited);
        } catch (IOException | RuntimeException e) {
            log.error("Node {} could not be started; retrying in {}", nodeId, nextBackoff, e);
            scheduleRestart();
        }
    }

    private synchronized void exited(Process exited) {
        if (!running || exited != process) {
            return;
        }
        if (exited.exitValue() == 0) {
            running = false;
            log.info("Node {} (pid {}) left with exit code 0; it stays down until it is restarted", nodeId, exited.pid());
            return;
        }
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
        if (running && (process == null || !process.isAlive())) {
            launch();
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
