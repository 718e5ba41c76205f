package io.cloudmq.bench.upgrade;

import io.cloudmq.api.client.ManagementClient;
import io.cloudmq.api.node.NodeState;
import io.cloudmq.api.node.NodeView;
import io.cloudmq.api.upgrade.ObservedProducerGroup;
import io.cloudmq.api.upgrade.UpgradeReportView;
import io.cloudmq.bench.client.CommandLineOptions;
import io.cloudmq.bench.client.Report;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * An upgrade window under a fixed offered load (issue 8): the packaged standalone control plane (2 name servers,
 * 2 broker groups of master + slave, embedded PostgreSQL) started as a child process at its default settings;
 * a tenant instance with a topic and a consumer group created over the management API; {@link PacedLoad} sending
 * at {@code --rate} through official 5.5.0 producers (asynchronous sends, default settings) to push consumers
 * of the group; after a warm-up of at least {@code --warmup} that lasts until the load runs steadily
 * ({@link PacedLoad#awaitSteady}, at most 5 minutes) and {@code --before}, one upgrade
 * window onto a copy of the running node
 * runtime under another version ({@link UpgradeTarget}), followed to its end; then sending stops, every
 * acknowledged message is awaited at the consumers, and {@link WindowFigures} prints the window's report and
 * the load's figures against the targets.
 *
 * <p>Usage (see bench/RESULTS.md; run it in a private network namespace so the default ports cannot clash):
 * {@code unshare -n sh -c 'ip link set lo up && exec java -Xmx1g -cp bench/target/bench.jar
 * io.cloudmq.bench.upgrade.UpgradeBenchmark --rate=2000 --dir=bench/target/upgrade-2000'}.
 *
 * <p>Threading: the main thread drives the run; the load runs on its pacer and the clients' threads.
 */
public final class UpgradeBenchmark {
    private static final String CLUSTER = "local";
    private static final String TOPIC = "orders";
    private static final String GROUP = "billing";
    private static final Duration START_DEADLINE = Duration.ofMinutes(8);
    private static final Duration WINDOW_DEADLINE = Duration.ofMinutes(25);
    private static final Duration MAX_WARMUP = Duration.ofMinutes(5);
    private static final Duration AFTER_WINDOW = Duration.ofSeconds(10);
    private static final Duration DELIVERY_DEADLINE = Duration.ofMinutes(2);

    private UpgradeBenchmark() {}

    public static void main(String[] args) throws Exception {
        UpgradeOptions options = UpgradeOptions.parse(args);
        Path dataDir = CommandLineOptions.createRunDirectory(options.dir()).resolve("data");
        // The benchmark's output is its result: it prints to stdout by design.
        PrintStream out = System.out;
        new Report(out).machine("start", Instant.now());
        try (StandaloneControlPlane controlPlane = StandaloneControlPlane.start(options, dataDir)) {
            ManagementClient client = controlPlane.awaitAdminClient(START_DEADLINE);
            String version = awaitAllUp(client);
            Tenant tenant = Tenant.create(client, CLUSTER, options.portBase(), TOPIC, GROUP);
            String target = version + "-upgraded";
            UpgradeTarget.install(controlPlane.dataDir(), version, target);
            phase(out, "cluster up on " + version + ", tenant " + tenant.instanceId() + ", target " + target
                    + " installed");
            run(options, client, tenant, target, out);
        }
        new Report(out).machine("end", Instant.now());
    }

    private static void run(UpgradeOptions options, ManagementClient client, Tenant tenant, String target,
            PrintStream out) throws Exception {
        long maxSeconds = MAX_WARMUP.plus(options.before()).plus(WINDOW_DEADLINE).plus(AFTER_WINDOW).toSeconds();
        try (PacedLoad load = PacedLoad.start(tenant, options.rate(), Math.toIntExact(options.rate() * maxSeconds),
                options.producers(), options.consumers())) {
            phase(out, "load started");
            Thread.sleep(options.warmup().toMillis());
            boolean steady = load.awaitSteady(MAX_WARMUP.minus(options.warmup()));
            Instant measureFrom = Instant.now();
            phase(out, "warm-up over, the load " + (steady ? "steady" : "NOT steady") + " (pacer " + load.lagMillis()
                    + " ms behind)");
            Thread.sleep(options.before().toMillis());
            phase(out, "window starts");
            WindowRun window = WindowRun.run(client, CLUSTER, target, List.of(
                    new ObservedProducerGroup(tenant.instanceId(), PacedLoad.producerGroup())), WINDOW_DEADLINE);
            phase(out, "window " + window.state());
            Thread.sleep(AFTER_WINDOW.toMillis());
            load.stopSending();
            boolean delivered = load.awaitDelivered(DELIVERY_DEADLINE);
            phase(out, "sending stopped, every acknowledged message delivered: " + delivered);
            UpgradeReportView report = client.getUpgradeReport(CLUSTER, window.windowId());
            new WindowFigures(out, load.log(), load.sent()).print(options, measureFrom, report, window, delivered);
        }
    }

    /** Waits until the six nodes are UP on one version; answers it. */
    private static String awaitAllUp(ManagementClient client) throws InterruptedException {
        Waiting.until("all six nodes UP on one version", START_DEADLINE, Duration.ofMillis(500), () -> {
            List<NodeView> nodes = client.listNodes(CLUSTER);
            return nodes.size() == 6 && nodes.stream().allMatch(node -> node.state() == NodeState.UP
                    && node.version() != null && node.version().equals(nodes.get(0).version()));
        });
        return String.valueOf(client.listNodes(CLUSTER).get(0).version());
    }

    private static void phase(PrintStream out, String what) {
        out.printf(Locale.ROOT, "%s %s%n", Instant.now(), what);
    }
}
