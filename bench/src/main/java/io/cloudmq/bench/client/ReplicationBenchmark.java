package io.cloudmq.bench.client;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * SYNC_MASTER against ASYNC_MASTER with a slave (issue 7), and Apache RocketMQ 5.5.0's SYNC_MASTER + SLAVE in the
 * same run: for each {@link Replication} in turn, its name server, master and slave (every broker ASYNC_FLUSH) are
 * started, the benchmark waits until the master counts the slave in sync, then {@value #THREADS} threads of the
 * official client send 1 KiB messages synchronously for {@code --warmup} (not measured) and {@code --seconds}
 * (measured): SEND_OK per second, p50/p99 latency, failed sends, master and slave CPU per message. Printed with
 * the ratios against the targets by {@link ReplicationReport}.
 *
 * <p>Usage (see bench/RESULTS.md): {@code java -Xmx1g -cp bench/target/bench.jar
 * io.cloudmq.bench.client.ReplicationBenchmark [--seconds=8] [--warmup=3] [--heap=1g] [--jfr=sync-32] [--dir=..]
 * [--node-jar=..] [--rocketmq-lib=..]}; {@code --jfr=sync-32} records CloudMQ's SYNC_MASTER during its measured
 * phase into {@code <dir>/cloudmq-sync-32.jfr}.
 *
 * <p>Threading: runs on the main thread; the phases start their own sender threads.
 */
public final class ReplicationBenchmark {
    static final int THREADS = 32;
    static final String PHASE = "sync-" + THREADS;
    private static final String TOPIC = "BenchReplicated";
    private static final int QUEUES = 8;

    private ReplicationBenchmark() {}

    public static void main(String[] args) throws Exception {
        BenchOptions options = BenchOptions.parse(args);
        // The benchmark's output is its result: it prints to stdout by design.
        PrintStream out = System.out;
        Path dir = CommandLineOptions.createRunDirectory(options.dir());
        Report machine = new Report(out);
        machine.machine("start", Instant.now());
        Map<Replication, PhaseResult> results = new LinkedHashMap<>();
        for (Replication replication : Replication.values()) {
            results.put(replication, measure(replication, options, dir));
            machine.machine("after " + replication.label(), Instant.now());
        }
        new ReplicationReport(out).print(results, options);
    }

    private static PhaseResult measure(Replication replication, BenchOptions options, Path dir) throws Exception {
        try (BrokerUnderTest broker = start(replication, options, dir.resolve(replication.directory()))) {
            broker.createTopic(TOPIC, QUEUES);
            String jfrPhase = replication == Replication.CLOUDMQ_SYNC ? options.jfrPhase() : null;
            try (Workloads workloads = new Workloads(broker, jfrPhase, dir)) {
                workloads.syncSend("warmup", TOPIC, THREADS, options.warmupSeconds());
                return workloads.syncSend(PHASE, TOPIC, THREADS, options.seconds());
            }
        }
    }

    private static BrokerUnderTest start(Replication replication, BenchOptions options, Path dir) throws Exception {
        return replication.cloudMq()
                ? CloudMqBroker.start(options.nodeJar(), dir, replication.setup(), options.nameServerJvmArgs(),
                        options.brokerJvmArgs())
                : RocketMqBroker.start(options.rocketMqLib(), dir, replication.setup(), options.nameServerJvmArgs(),
                        options.brokerJvmArgs());
    }
}
