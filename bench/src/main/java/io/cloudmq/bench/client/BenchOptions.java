package io.cloudmq.bench.client;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The benchmark's command-line options, {@code --name=value}, each with a default.
 *
 * @param seconds length of each send phase
 * @param warmupSeconds untimed sync sends (4 threads) before the first phase against each broker
 * @param backlog messages in the backlog the drain phase consumes
 * @param rate send rate of the end-to-end latency phase, messages per second
 * @param heap {@code -Xmx} of every broker
 * @param jfrPhase phase during which CloudMQ's broker is recorded with JFR, or null
 * @param dir run directory (stores, logs, recordings); must not exist yet
 * @param nodeJar CloudMQ's node jar
 * @param rocketMqLib directory of Apache RocketMQ 5.5.0's server jars
 */
record BenchOptions(Duration seconds, Duration warmupSeconds, long backlog, int rate, String heap,
        @Nullable String jfrPhase, Path dir, Path nodeJar, Path rocketMqLib) {
    private static final Set<String> NAMES = Set.of("seconds", "warmup", "backlog", "rate", "heap", "jfr", "dir",
            "node-jar", "rocketmq-lib");

    /** JVM options of every name server. */
    List<String> nameServerJvmArgs() {
        return List.of("-Xmx256m", "-XX:+UseG1GC");
    }

    /** JVM options of every broker, master or slave. */
    List<String> brokerJvmArgs() {
        return List.of("-Xmx" + heap, "-XX:+UseG1GC");
    }

    static BenchOptions parse(String[] args) {
        Map<String, String> values = CommandLineOptions.parse(args, NAMES);
        return new BenchOptions(
                Duration.ofMillis((long) (1000 * Double.parseDouble(values.getOrDefault("seconds", "8")))),
                Duration.ofMillis((long) (1000 * Double.parseDouble(values.getOrDefault("warmup", "3")))),
                Long.parseLong(values.getOrDefault("backlog", "1000000")),
                Integer.parseInt(values.getOrDefault("rate", "5000")),
                values.getOrDefault("heap", "1g"),
                values.get("jfr"),
                Path.of(values.getOrDefault("dir", "bench/target/client-run")).toAbsolutePath(),
                Path.of(values.getOrDefault("node-jar", "data-plane/target/data-plane-0.1.0-SNAPSHOT-node.jar")).toAbsolutePath(),
                Path.of(values.getOrDefault("rocketmq-lib", "bench/target/rocketmq-5.5.0/lib")).toAbsolutePath());
    }
}
