package io.cloudmq.bench.upgrade;

import io.cloudmq.bench.client.CommandLineOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

/**
 * The upgrade benchmark's command-line options, {@code --name=value}, each with a default. Immutable.
 *
 * @param rate offered send rate, messages per second, paced on one schedule
 * @param producers producers (client instances) the paced sends alternate between
 * @param consumers push consumers of the one consumer group
 * @param warmup the shortest load before the measured "before" period (consumers settle, JIT warms up)
 * @param before measured load before the window starts
 * @param controlPlaneHeap {@code -Xmx} of the control plane (every node gets the control plane's default heap)
 * @param httpPort the control plane's HTTP port
 * @param portBase the local cluster's port base (first name server's port)
 * @param dir run directory (the control plane's data directory and log); must not exist yet
 * @param jar the packaged control plane
 */
record UpgradeOptions(int rate, int producers, int consumers, Duration warmup, Duration before,
        String controlPlaneHeap, int httpPort, int portBase, Path dir, Path jar) {
    private static final Set<String> NAMES = Set.of("rate", "producers", "consumers", "warmup", "before",
            "control-plane-heap", "http-port", "port-base", "dir", "jar");

    static UpgradeOptions parse(String[] args) {
        Map<String, String> values = CommandLineOptions.parse(args, NAMES);
        return new UpgradeOptions(
                Integer.parseInt(values.getOrDefault("rate", "2000")),
                Integer.parseInt(values.getOrDefault("producers", "2")),
                Integer.parseInt(values.getOrDefault("consumers", "2")),
                Duration.ofSeconds(Long.parseLong(values.getOrDefault("warmup", "30"))),
                Duration.ofSeconds(Long.parseLong(values.getOrDefault("before", "60"))),
                values.getOrDefault("control-plane-heap", "384m"),
                Integer.parseInt(values.getOrDefault("http-port", "8080")),
                Integer.parseInt(values.getOrDefault("port-base", "9876")),
                Path.of(values.getOrDefault("dir", "bench/target/upgrade-run")).toAbsolutePath(),
                Path.of(values.getOrDefault("jar", "control-plane/target/control-plane-0.1.0-SNAPSHOT.jar"))
                        .toAbsolutePath());
    }
}
