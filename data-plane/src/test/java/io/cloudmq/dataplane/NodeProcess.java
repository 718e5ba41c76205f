package io.cloudmq.dataplane;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * A node started from the shaded node jar as a child JVM, exactly as the launcher starts it
 * ({@code java -Xmx.. -jar node.jar --config node.properties}); output goes to a file.
 */
public final class NodeProcess implements AutoCloseable {
    public static final String TOKEN = "it-node-token-0123456789";

    private final Process process;
    private final Path output;

    private NodeProcess(Process process, Path output) {
        this.process = process;
        this.output = output;
    }

    /** Writes {@code properties} to {@code dir/node.properties} and starts a node on it. */
    public static NodeProcess start(Path dir, Map<String, String> properties) throws IOException {
        return start(dir, properties, List.of());
    }

    /** As {@link #start(Path, Map)}, for a hot successor ({@code --successor}) of the node on the same data. */
    public static NodeProcess startSuccessor(Path dir, Map<String, String> properties) throws IOException {
        return start(dir, properties, List.of("--successor"));
    }

    private static NodeProcess start(Path dir, Map<String, String> properties, List<String> flags) throws IOException {
        Path config = dir.resolve("node.properties");
        Files.writeString(config, properties.entrySet().stream()
                .map(entry -> entry.getKey() + "=" + entry.getValue())
                .collect(Collectors.joining("\n")));
        Path output = Files.createTempFile(dir, "node-", ".out");
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> command = new ArrayList<>(List.of(java.toString(), "-Xmx64m", "-XX:+UseSerialGC",
                "-jar", System.getProperty("node.jar")));
        command.addAll(flags);
        command.addAll(List.of("--config", config.toString()));
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(output.toFile())
                .start();
        return new NodeProcess(process, output);
    }

    /** The properties of broker {@code broker-a-0} with its data in {@code dataDir}, admin on {@code adminPort}. */
    public static Map<String, String> broker(Path dataDir, int adminPort) {
        return Map.of(
                "role", "broker",
                "node.id", "broker-a-0",
                "data.dir", dataDir.toString(),
                "listen.port", Integer.toString(AdminHttp.freeBrokerPort()),
                "admin.port", Integer.toString(adminPort),
                "broker.name", "broker-a",
                "broker.id", "0",
                "namesrv.addr", "127.0.0.1:9876",
                "admin.token", TOKEN);
    }

    public Process process() {
        return process;
    }

    public String output() throws IOException {
        return Files.readString(output);
    }

    /** Waits until the admin API answers health with 200; fails early if the process dies. */
    public void awaitHealthy(int adminPort) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).ignoreExceptionsInstanceOf(IOException.class).until(() -> {
            if (!process.isAlive()) {
                throw new AssertionError("node exited with " + process.exitValue() + ":\n" + output());
            }
            return AdminHttp.get(adminPort, "/admin/v1/health", TOKEN).statusCode() == 200;
        });
    }

    /** Waits for the process to exit by itself and answers its exit code. */
    public int awaitExit(Duration deadline) throws InterruptedException {
        if (!process.waitFor(deadline.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("node still running after " + deadline);
        }
        return process.exitValue();
    }

    /** Stops the node with SIGTERM (its shutdown hook runs), killing it if it does not stop in time. */
    /** Kills the node at once (SIGKILL): no shutdown hook runs. */
    public void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }
}
