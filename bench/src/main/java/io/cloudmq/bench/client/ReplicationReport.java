package io.cloudmq.bench.client;

import java.io.PrintStream;
import java.util.Locale;
import java.util.Map;

/**
 * Prints {@link ReplicationBenchmark}'s figures, one row per master + slave group, and the ratios against the
 * targets of issue 7: CloudMQ's SYNC_MASTER throughput ≥ {@value #OF_ASYNC_TARGET} of its ASYNC_MASTER's and ≥
 * {@value #OF_ROCKETMQ_TARGET}× RocketMQ 5.5.0's SYNC_MASTER (the one that waits for its slave; the ratio against
 * RocketMQ's defaults is printed for reference).
 *
 * <p>Threading: one thread.
 */
final class ReplicationReport {
    private static final double OF_ASYNC_TARGET = 0.6;
    private static final double OF_ROCKETMQ_TARGET = 1.2;

    private final PrintStream out;

    ReplicationReport(PrintStream out) {
        this.out = out;
    }

    void print(Map<Replication, PhaseResult> results, BenchOptions options) {
        out.println();
        out.printf(Locale.ROOT, "1 KiB bodies, %d sync sender threads, %.0f s measured after a %.0f s warm-up;"
                + " every broker ASYNC_FLUSH%n", ReplicationBenchmark.THREADS, options.seconds().toMillis() / 1e3,
                options.warmupSeconds().toMillis() / 1e3);
        out.printf(Locale.ROOT, "%-46s | %9s %7s %7s %5s | %14s %4s | %13s%n", "group", "msg/s", "p50 ms", "p99 ms",
                "fail", "master cpuµs/m", "sys%", "slave cpuµs/m");
        results.forEach((replication, r) -> out.printf(Locale.ROOT,
                "%-46s | %9.0f %7.2f %7.2f %5d | %14.1f %4.0f | %13.1f%n", replication.label(),
                r.messagesPerSecond(), r.p50Millis(), r.p99Millis(), r.failures(), r.brokerCpuMicrosPerMessage(),
                r.brokerSystemPercent(), r.slaveCpuMicrosPerMessage()));
        out.println();
        PhaseResult sync = results.get(Replication.CLOUDMQ_SYNC);
        target("CloudMQ SYNC_MASTER ÷ CloudMQ ASYNC_MASTER", sync, results.get(Replication.CLOUDMQ_ASYNC),
                OF_ASYNC_TARGET);
        target("CloudMQ SYNC_MASTER ÷ RocketMQ SYNC_MASTER (inSyncReplicas=2)", sync,
                results.get(Replication.ROCKETMQ_SYNC), OF_ROCKETMQ_TARGET);
        PhaseResult defaults = results.get(Replication.ROCKETMQ_SYNC_DEFAULTS);
        out.printf(Locale.ROOT, "for reference, CloudMQ SYNC_MASTER ÷ RocketMQ SYNC_MASTER (defaults, no wait for the"
                + " slave): throughput %.2fx, p99 %.2fx%n", sync.messagesPerSecond() / defaults.messagesPerSecond(),
                sync.p99Millis() / defaults.p99Millis());
    }

    private void target(String label, PhaseResult ours, PhaseResult reference, double target) {
        double ratio = ours.messagesPerSecond() / reference.messagesPerSecond();
        out.printf(Locale.ROOT, "%s: throughput %s (target ≥ %.2fx), p99 %.2fx%n", label,
                Report.ratio(ratio, ratio >= target), target, ours.p99Millis() / reference.p99Millis());
    }
}
