package io.cloudmq.controlplane.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The supervisor with shell commands as child processes: crash restarts, the drain exit, restarts on another runtime,
 * hot successors (a shell that writes its pid to {@code successor.ready} stands in for a warm node).
 */
class NodeProcessSupervisorIT {
    private static final LocalClusterProperties FAST_RESTARTS =
            new LocalClusterProperties(9876, "32m", Duration.ofMillis(100), Duration.ofMillis(200));

    @TempDir
    Path dir;

    private final ScheduledExecutorService restarts = Executors.newSingleThreadScheduledExecutor();
    private final AtomicInteger launches = new AtomicInteger();
    private NodeProcessSupervisor supervisor;

    @AfterEach
    void stopEverything() {
        supervisor.stop();
        restarts.shutdownNow();
    }

    @Test
    void aNodeThatCrashesIsRestarted() {
        supervisor = supervise("exit 3");

        supervisor.start();

        await().atMost(Duration.ofSeconds(10)).until(() -> launches.get() >= 3);
    }

    @Test
    void aNodeThatLeftWithExitCodeZeroStaysDown() {
        supervisor = supervise("exit 0");

        supervisor.start();

        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5)).until(launches::get, n -> n == 1);
    }

    @Test
    void restartWithStartsTheNewCommandColdWhenTheSuccessorDiesBeforeItIsWarm() {
        Path marker = dir.resolve("new-runtime-started");
        supervisor = supervise("exec sleep 60");
        supervisor.start();

        Long pid = supervisor.restartWith(sh("touch '" + marker + "'; exec sleep 60"), sh("exit 1"));

        assertThat(pid).isNotNull();
        assertThat(ProcessHandle.of(pid)).hasValueSatisfying(process -> assertThat(process.isAlive()).isTrue());
        await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(marker));
        assertThat(launches).as("first start, the successor, the cold start").hasValue(3);
    }

    @Test
    void restartWithHandsOverToAWarmSuccessorOnceTheOldProcessStopped() throws Exception {
        supervisor = supervise("exec sleep 60");
        supervisor.start();

        Long pid = supervisor.restartWith(sh("exec sleep 60"), warmSuccessor());

        assertThat(pid).isNotNull().isEqualTo(readyPid());
        assertThat(ProcessHandle.of(pid)).hasValueSatisfying(process -> assertThat(process.isAlive()).isTrue());
        assertThat(launches).as("first start, the successor; no cold start").hasValue(2);
    }

    @Test
    void aNodeThatLeftWithExitCodeZeroHandsOverToItsPreparedSuccessor() throws Exception {
        Path leave = dir.resolve("leave");
        supervisor = supervise("while [ ! -e '" + leave + "' ]; do sleep 0.05; done; exit 0");
        supervisor.start();
        assertThat(supervisor.prepareSuccessor(sh("exec sleep 60"), warmSuccessor())).isTrue();
        long successorPid = readyPid();

        Files.createFile(leave);

        await().atMost(Duration.ofSeconds(10)).until(() -> Long.valueOf(successorPid)
                .equals(supervisor.restartWith(sh("exec sleep 60"), warmSuccessor())));
        assertThat(launches).as("first start, the successor").hasValue(2);
    }

    /** The successor deletes its ready file once it holds the lock; a restart must not wait a minute for it. */
    @Test
    void theRestartOfADrainedNodeTakesTheSuccessorThatAlreadyHoldsTheLock() throws Exception {
        Path leave = dir.resolve("leave");
        Path ready = dir.resolve("successor.ready");
        // the old process is still on its way out when the restart comes (a drained broker exits after its answer)
        supervisor = supervise("while [ ! -e '" + leave + "' ]; do sleep 0.05; done; exec sleep 60");
        supervisor.start();
        List<String> successor = sh("echo $$ > '" + ready + "'; while [ ! -e '" + leave + "' ]; do sleep 0.05; done; "
                + "rm '" + ready + "'; exec sleep 60");
        assertThat(supervisor.prepareSuccessor(sh("exec sleep 60"), successor)).isTrue();
        long successorPid = readyPid();

        Files.createFile(leave);
        await().atMost(Duration.ofSeconds(10)).until(() -> !Files.exists(ready));

        Long pid = assertTimeoutPreemptively(Duration.ofSeconds(30),
                () -> supervisor.restartWith(sh("exec sleep 60"), successor));
        assertThat(pid).isEqualTo(successorPid);
        assertThat(launches).as("first start, the successor").hasValue(2);
    }

    @Test
    void aCrashWhileASuccessorWaitsStopsTheSuccessorAndRestartsTheCurrentCommand() throws Exception {
        Path crash = dir.resolve("crash");
        supervisor = supervise("if [ -e '" + crash + "' ]; then exec sleep 60; fi; "
                + "while [ ! -e '" + crash + "' ]; do sleep 0.05; done; exit 3");
        supervisor.start();
        assertThat(supervisor.prepareSuccessor(sh("exec sleep 60"), warmSuccessor())).isTrue();
        ProcessHandle successor = ProcessHandle.of(readyPid()).orElseThrow();

        Files.createFile(crash);

        await().atMost(Duration.ofSeconds(10)).until(() -> launches.get() == 3 && !successor.isAlive());
    }

    private List<String> warmSuccessor() {
        return sh("echo $$ > '" + dir.resolve("successor.ready") + "'; exec sleep 60");
    }

    private long readyPid() throws Exception {
        return Long.parseLong(Files.readString(dir.resolve("successor.ready")).strip());
    }

    private static List<String> sh(String script) {
        return List.of("sh", "-c", script);
    }

    private NodeProcessSupervisor supervise(String script) {
        return new NodeProcessSupervisor("node-x", sh(script), launches::incrementAndGet, dir,
                restarts, FAST_RESTARTS, Clock.systemUTC());
    }
}
