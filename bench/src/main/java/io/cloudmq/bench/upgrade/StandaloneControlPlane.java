package io.cloudmq.bench.upgrade;

import io.cloudmq.api.client.ManagementClient;
import io.cloudmq.bench.client.ChildJvm;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The packaged control plane in standalone mode ({@code java -jar}, embedded PostgreSQL and a local cluster of
 * six node JVMs) as a child process with its own data directory and ports, at its default settings.
 * {@link #close} stops it with SIGTERM and then kills whatever is left of its processes (nodes, PostgreSQL),
 * each by its pid.
 *
 * <p>Threading: one thread.
 */
final class StandaloneControlPlane implements AutoCloseable {
    private static final Duration POLL = Duration.ofMillis(500);

    private final Path dataDir;
    private final int httpPort;
    private final ChildJvm jvm;

    private StandaloneControlPlane(Path dataDir, int httpPort, ChildJvm jvm) {
        this.dataDir = dataDir;
        this.httpPort = httpPort;
        this.jvm = jvm;
    }

    /** Starts {@code jar} on {@code dataDir} (its output in {@code dataDir/../control-plane.out}). */
    static StandaloneControlPlane start(UpgradeOptions options, Path dataDir) throws IOException {
        ChildJvm jvm = ChildJvm.start("control-plane", dataDir.getParent(),
                List.of("-Xmx" + options.controlPlaneHeap(), "-XX:+UseSerialGC", "-jar", options.jar().toString()),
                List.of("--server.port=" + options.httpPort(), "--cloudmq.data-dir=" + dataDir,
                        "--cloudmq.standalone.port-base=" + options.portBase()));
        return new StandaloneControlPlane(dataDir, options.httpPort(), jvm);
    }

    Path dataDir() {
        return dataDir;
    }

    /** Waits until the control plane is healthy and wrote its bootstrap admin key; a client with that key. */
    ManagementClient awaitAdminClient(Duration deadline) throws IOException, InterruptedException {
        URI base = URI.create("http://127.0.0.1:" + httpPort);
        Path keyFile = dataDir.resolve("bootstrap-admin.key");
        ManagementClient anonymous = ManagementClient.create(base, "none", Duration.ofSeconds(2));
        Waiting.until("the control plane healthy", deadline, POLL, () -> {
            jvm.checkAlive();
            return Files.exists(keyFile) && healthy(anonymous);
        });
        return ManagementClient.create(base, Files.readString(keyFile).trim(), Duration.ofSeconds(10));
    }

    private static boolean healthy(ManagementClient anonymous) {
        try {
            return anonymous.exchange("GET", "/actuator/health", null, null).contains("\"UP\"");
        } catch (RuntimeException e) {
            return false;
        }
    }

    @Override
    public void close() throws InterruptedException {
        Set<ProcessHandle> family = new LinkedHashSet<>(processesOfDataDir());
        ProcessHandle.of(jvm.pid()).ifPresent(self -> self.descendants().forEach(family::add));
        jvm.close();
        family.addAll(processesOfDataDir());
        family.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }

    /** Processes whose command line names the data directory (nodes, PostgreSQL), whoever their parent is now. */
    private List<ProcessHandle> processesOfDataDir() {
        String marker = dataDir.toString();
        List<ProcessHandle> found = new ArrayList<>();
        try (Stream<ProcessHandle> all = ProcessHandle.allProcesses()) {
            all.filter(handle -> handle.pid() != jvm.pid() && commandLine(handle).contains(marker))
                    .forEach(found::add);
        }
        return found;
    }

    private static String commandLine(ProcessHandle handle) {
        try {
            return Files.readString(Path.of("/proc", Long.toString(handle.pid()), "cmdline")).replace('\0', ' ');
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }
}
