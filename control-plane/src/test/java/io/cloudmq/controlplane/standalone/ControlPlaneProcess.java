package io.cloudmq.controlplane.standalone;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

/**
 * The packaged control plane run as the README runs it ({@code java -jar}), in standalone mode on a private
 * data directory and ports, as a real child process of the test JVM.
 */
final class ControlPlaneProcess {
    /** Moves the local cluster off the default ports, so a test never meets a user's running cluster. */
    static final int PORT_BASE = 29876;

    private final Path dataDir;
    private final int httpPort;
    private final Process process;

    private ControlPlaneProcess(Path dataDir, int httpPort, Process process) {
        this.dataDir = dataDir;
        this.httpPort = httpPort;
        this.process = process;
    }

    static ControlPlaneProcess start(Path dataDir, int httpPort) {
        String jar = System.getProperty("cloudmq.control-plane.jar");
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = List.of(java, "-Xmx384m", "-XX:+UseSerialGC", "-jar", jar,
                "--server.port=" + httpPort,
                "--cloudmq.data-dir=" + dataDir,
                "--cloudmq.standalone.port-base=" + PORT_BASE,
                // A crashed node comes back after 10 s instead of 1 s, so the registry's DOWN (two missed
                // 2-second checks) is observable before the restart.
                "--cloudmq.standalone.restart-backoff=10s");
        try {
            Files.createDirectories(dataDir);
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(dataDir.resolve("control-plane.log").toFile()))
                    .start();
            return new ControlPlaneProcess(dataDir, httpPort, process);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String baseUrl() {
        return "http://127.0.0.1:" + httpPort;
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** SIGTERM, as a user's Ctrl-C or a service manager would stop it; waits for the exit. */
    void stop() {
        process.destroy();
        await("control plane exits after SIGTERM").atMost(Duration.ofSeconds(90)).until(() -> !process.isAlive());
    }

    /** SIGKILL: no shutdown hook runs. */
    void kill() {
        process.destroyForcibly();
        await("control plane dies after SIGKILL").atMost(Duration.ofSeconds(30)).until(() -> !process.isAlive());
    }

    /** Every process (nodes, PostgreSQL, watchdogs) whose command line names this data directory. */
    List<ProcessHandle> processesOfDataDir() {
        String marker = dataDir.toString();
        try (Stream<ProcessHandle> all = ProcessHandle.allProcesses()) {
            return all.filter(handle -> handle.pid() != process.pid())
                    .filter(handle -> commandLine(handle.pid()).contains(marker))
                    .toList();
        }
    }

    /** The process's {@code /proc/<pid>/cmdline} with NULs as spaces; empty once it is gone. */
    static String commandLine(long pid) {
        try {
            return new String(Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline"))).replace('\0', ' ');
        } catch (IOException e) {
            return "";
        }
    }

    String log() {
        try {
            return Files.readString(dataDir.resolve("control-plane.log"));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }
}
