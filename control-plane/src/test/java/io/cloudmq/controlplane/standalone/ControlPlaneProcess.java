package io.cloudmq.controlplane.standalone;

import static org.awaitility.Awaitility.await;

import io.cloudmq.api.client.ManagementClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The packaged control plane run as the README runs it ({@code java -jar}), in standalone mode on a private
 * data directory and ports, as a real child process of the test JVM.
 */
final class ControlPlaneProcess {
    private static final int LOG_TAIL_LINES = 200;
    private final Path dataDir;
    private final int httpPort;
    private final Process process;

    private ControlPlaneProcess(Path dataDir, int httpPort, Process process) {
        this.dataDir = dataDir;
        this.httpPort = httpPort;
        this.process = process;
    }

    /**
     * Starts the control plane with its local cluster on {@code portBase} (in place of 9876, every node port
     * moved by the same distance): each test class has its own base, far from the default ports and from
     * the other classes', so a test never meets a user's running cluster and test classes can run at once.
     */
    static ControlPlaneProcess start(Path dataDir, int httpPort, int portBase) {
        // A crashed node comes back after 10 s instead of 1 s, so the registry's DOWN (two missed 2-second
        // checks) is observable before the restart.
        return start(dataDir, httpPort, portBase, List.of("--cloudmq.standalone.restart-backoff=10s"));
    }

    /** {@link #start(Path, int, int)} with {@code settings} ({@code --key=value}) in place of the restart back-off. */
    static ControlPlaneProcess start(Path dataDir, int httpPort, int portBase, List<String> settings) {
        String jar = System.getProperty("cloudmq.control-plane.jar");
        // C1 only: the test JVMs' standalone clusters start at once on two cores, and a Spring Boot start's
        // C2 compilations are work it never gets back in a test's lifetime.
        List<String> command = new ArrayList<>(List.of(javaTool("java"), "-Xmx384m", "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1", "-jar", jar,
                "--server.port=" + httpPort,
                "--cloudmq.data-dir=" + dataDir,
                "--cloudmq.standalone.port-base=" + portBase));
        command.addAll(settings);
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

    /** A TCP port free right now, for the control plane's HTTP port. */
    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
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

    /** SIGKILLs the control plane if it runs and every process of its data directory: nothing is left running. */
    void killWithItsProcesses() {
        if (isAlive()) {
            kill();
        }
        processesOfDataDir().forEach(ProcessHandle::destroyForcibly);
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

    /** Waits until the control plane answers and wrote the bootstrap admin key; a client with that key. */
    ManagementClient awaitAdminClient(Duration deadline) {
        Path keyFile = dataDir.resolve("bootstrap-admin.key");
        try {
            await("control plane started").atMost(deadline).pollInterval(Duration.ofMillis(500))
                    .failFast("control plane exited", () -> !isAlive())
                    .until(() -> Files.exists(keyFile) && healthy());
        } catch (RuntimeException e) {
            throw new AssertionError(e.getMessage() + "\n" + diagnostics(), e);
        }
        try {
            String key = Files.readString(keyFile).trim();
            return ManagementClient.create(URI.create(baseUrl()), key, Duration.ofSeconds(10));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private boolean healthy() {
        try {
            ManagementClient anonymous = ManagementClient.create(URI.create(baseUrl()), "none", Duration.ofSeconds(2));
            return anonymous.exchange("GET", "/actuator/health", null, null).contains("\"UP\"");
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** The end of the control plane's log and, while it runs, its threads: what a failed start needs explained. */
    String diagnostics() {
        List<String> lines = log().lines().toList();
        String tail = String.join("\n", lines.subList(Math.max(0, lines.size() - LOG_TAIL_LINES), lines.size()));
        return "last " + LOG_TAIL_LINES + " lines of control-plane.log:\n" + tail
                + (isAlive() ? "\nthreads of the control plane:\n" + threadDump() : "");
    }

    private String threadDump() {
        try {
            Process jcmd = new ProcessBuilder(javaTool("jcmd"), Long.toString(process.pid()), "Thread.print")
                    .redirectErrorStream(true)
                    .start();
            String dump = new String(jcmd.getInputStream().readAllBytes());
            jcmd.waitFor(30, TimeUnit.SECONDS);
            return dump;
        } catch (IOException e) {
            return "(no thread dump: " + e + ")";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "(thread dump interrupted)";
        }
    }

    /** {@code name} from the test JVM's own {@code bin} directory (the JDK running the build). */
    private static String javaTool(String name) {
        return ProcessHandle.current().info().command()
                .map(java -> Path.of(java).resolveSibling(name).toString())
                .orElse(name);
    }

    String log() {
        try {
            return Files.readString(dataDir.resolve("control-plane.log"));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }
}
