package io.cloudmq.controlplane.node;

import static org.assertj.core.api.Assertions.assertThat;
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

/** The supervisor with shell commands as child processes: crash restarts, the drain exit, restarts on another runtime. */
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
    void restartWithReplacesTheRunningProcessByTheNewCommand() {
        Path marker = dir.resolve("new-runtime-started");
        supervisor = supervise("exec sleep 60");
        supervisor.start();

        Long pid = supervisor.restartWith(List.of("sh", "-c", "touch '" + marker + "'; exec sleep 60"));

        assertThat(pid).isNotNull();
        assertThat(ProcessHandle.of(pid)).hasValueSatisfying(process -> assertThat(process.isAlive()).isTrue());
        await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(marker));
        assertThat(launches).hasValue(2);
    }

    private NodeProcessSupervisor supervise(String script) {
        return new NodeProcessSupervisor("node-x", List.of("sh", "-c", script), launches::incrementAndGet, dir,
                restarts, FAST_RESTARTS, Clock.systemUTC());
    }
}
