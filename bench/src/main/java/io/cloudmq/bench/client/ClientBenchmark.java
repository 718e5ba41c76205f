package io.cloudmq.bench.client;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Runs the official rocketmq-client 5.5.0 against CloudMQ's broker and Apache RocketMQ 5.5.0's, one after the
 * other, and prints both with their ratios against the targets of issue 4: each broker with ASYNC_FLUSH (every
 * phase), then each with SYNC_FLUSH (sync sends only). Each broker runs alone with the same heap; the clients run
 * in this JVM.
 *
 * <p>Usage (see bench/RESULTS.md): {@code java -Xmx1g -cp bench/target/bench.jar
 * io.cloudmq.bench.client.ClientBenchmark [--seconds=8] [--warmup=3] [--backlog=1000000] [--rate=5000]
 * [--heap=1g] [--jfr=<phase>] [--dir=..] [--node-jar=..] [--rocketmq-lib=..]}.
 *
 * <p>Threading: runs on the main thread; phases start their own sender threads.
 */
public final class ClientBenchmark {
    static final int[] SYNC_THREADS = {1, 4, 32};
    private static final String SEND_TOPIC = "BenchSend";
    private static final String E2E_TOPIC = "BenchE2E";
    private static final String DRAIN_TOPIC = "BenchDrain";
    private static final String E2E_GROUP = "bench-e2e";
    private static final String DRAIN_GROUP = "bench-drain";
    private static final int QUEUES = 8;

    private ClientBenchmark() {}

    public static void main(String[] args) throws Exception {
        BenchOptions options = BenchOptions.parse(args);
        // The benchmark's output is its result: it prints to stdout by design.
        PrintStream out = System.out;
        Path dir = CommandLineOptions.createRunDirectory(options.dir());
        Report report = new Report(out);
        report.machine("start", Instant.now());

        List<String> nameServerArgs = options.nameServerJvmArgs();
        List<String> brokerArgs = options.brokerJvmArgs();
        BrokerFigures ours;
        try (CloudMqBroker broker = CloudMqBroker.start(options.nodeJar(), dir.resolve("cloudmq-async"),
                GroupSetup.alone("ASYNC_FLUSH"), nameServerArgs, brokerArgs)) {
            ours = run(broker, options, true, options.jfrPhase(), dir);
        }
        report.machine("after CloudMQ ASYNC_FLUSH", Instant.now());
        BrokerFigures oursSync;
        try (CloudMqBroker broker = CloudMqBroker.start(options.nodeJar(), dir.resolve("cloudmq-sync"),
                GroupSetup.alone("SYNC_FLUSH"), nameServerArgs, brokerArgs)) {
            oursSync = run(broker, options, false, null, dir);
        }
        report.machine("after CloudMQ SYNC_FLUSH", Instant.now());
        BrokerFigures theirs;
        try (RocketMqBroker broker = RocketMqBroker.start(options.rocketMqLib(), dir.resolve("rocketmq-async"),
                GroupSetup.alone("ASYNC_FLUSH"), nameServerArgs, brokerArgs)) {
            theirs = run(broker, options, true, null, dir);
        }
        report.machine("after RocketMQ ASYNC_FLUSH", Instant.now());
        BrokerFigures theirsSync;
        try (RocketMqBroker broker = RocketMqBroker.start(options.rocketMqLib(), dir.resolve("rocketmq-sync"),
                GroupSetup.alone("SYNC_FLUSH"), nameServerArgs, brokerArgs)) {
            theirsSync = run(broker, options, false, null, dir);
        }
        report.machine("end", Instant.now());

        report.asyncFlush(ours, theirs, options.rate());
        report.syncFlush(oursSync, theirsSync);
        report.startAndMemory(ours, theirs);
    }

    /** Starts nothing; measures the phases against a started broker: all of them, or only sync sends. */
    private static BrokerFigures run(BrokerUnderTest broker, BenchOptions options, boolean all,
            @Nullable String jfrPhase, Path dir) throws Exception {
        long idleRss = ProcessStats.rssBytes(broker.brokerPid());
        broker.createTopic(SEND_TOPIC, QUEUES);
        Map<String, PhaseResult> phases = new LinkedHashMap<>();
        try (Workloads workloads = new Workloads(broker, jfrPhase, dir)) {
            workloads.syncSend("warmup", SEND_TOPIC, 4, options.warmupSeconds());
            for (int threads : SYNC_THREADS) {
                phases.put("sync-" + threads, workloads.syncSend("sync-" + threads, SEND_TOPIC, threads,
                        options.seconds()));
            }
            if (all) {
                broker.createTopic(E2E_TOPIC, QUEUES);
                broker.createTopic(DRAIN_TOPIC, QUEUES);
                broker.createGroup(E2E_GROUP);
                broker.createGroup(DRAIN_GROUP);
                phases.put("async", workloads.asyncSend("async", SEND_TOPIC, Long.MAX_VALUE, options.seconds()));
                phases.put("e2e", workloads.endToEnd("e2e", E2E_TOPIC, E2E_GROUP, options.rate(),
                        options.seconds()));
                phases.put("drain", workloads.drain("drain", DRAIN_TOPIC, DRAIN_GROUP, options.backlog()));
            }
        }
        long peakRss = ProcessStats.peakRssBytes(broker.brokerPid());
        return new BrokerFigures(broker.firstStart(), all ? broker.restart() : null, idleRss, peakRss, phases);
    }
}
