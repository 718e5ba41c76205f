package io.cloudmq.bench.client;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;

/**
 * Prints the benchmark's figures side by side with CloudMQ ÷ RocketMQ ratios and whether each target is met:
 * throughput ≥ 1.2×, broker CPU per message ≤ 0.5×, p99 ≤ 1×, start &lt; 1 s.
 *
 * <p>Threading: one thread.
 */
public final class Report {
    private static final double THROUGHPUT_TARGET = 1.2;
    private static final double CPU_TARGET = 0.5;
    private static final double START_TARGET_MILLIS = 1000;

    private final PrintStream out;

    public Report(PrintStream out) {
        this.out = out;
    }

    /** The machine's load average (1, 5, 15 min) and CPU count at {@code moment}. */
    public void machine(String moment, Instant now) throws IOException {
        String load = Files.readString(Path.of("/proc/loadavg")).strip();
        out.printf(Locale.ROOT, "machine %s (%s): %d CPUs, /proc/loadavg %s%n", moment, now,
                Runtime.getRuntime().availableProcessors(), load);
    }

    void asyncFlush(BrokerFigures ours, BrokerFigures theirs, int rate) {
        out.println();
        out.println("ASYNC_FLUSH, 1 KiB bodies (CloudMQ | RocketMQ 5.5.0 | CloudMQ ÷ RocketMQ, target)");
        header();
        for (String phase : ours.phases().keySet()) {
            PhaseResult a = ours.phases().get(phase);
            PhaseResult b = theirs.phases().get(phase);
            String label = phase.equals("e2e") ? "e2e@" + rate + "/s" : phase;
            row(label, a, b, !phase.equals("e2e"));
        }
    }

    void syncFlush(BrokerFigures ours, BrokerFigures theirs) {
        out.println();
        out.println("SYNC_FLUSH, 1 KiB bodies, sync sends (CloudMQ | RocketMQ 5.5.0 | CloudMQ ÷ RocketMQ, target)");
        header();
        ours.phases().forEach((phase, a) -> row(phase, a, theirs.phases().get(phase), true));
    }

    void startAndMemory(BrokerFigures ours, BrokerFigures theirs) {
        out.println();
        start("first start (empty store)", ours.firstStart(), theirs.firstStart());
        if (ours.restart() != null && theirs.restart() != null) {
            start("graceful restart (filled store)", ours.restart(), theirs.restart());
        }
        out.printf(Locale.ROOT, "broker RSS idle after start: CloudMQ %d MiB, RocketMQ %d MiB; peak over the run:"
                + " CloudMQ %d MiB, RocketMQ %d MiB%n", ours.idleRssBytes() >> 20, theirs.idleRssBytes() >> 20,
                ours.peakRssBytes() >> 20, theirs.peakRssBytes() >> 20);
    }

    private void start(String which, StartTimes ours, StartTimes theirs) {
        out.printf(Locale.ROOT, "broker %s, spawn → port accepting: CloudMQ %.0f ms, RocketMQ %.0f ms%n", which,
                ours.portMillis(), theirs.portMillis());
        out.printf(Locale.ROOT, "broker %s, spawn → registered with the name server: CloudMQ %.0f ms,"
                + " RocketMQ %.0f ms (target < %.0f ms: %s)%n", which, ours.registeredMillis(),
                theirs.registeredMillis(), START_TARGET_MILLIS, verdict(ours.registeredMillis() < START_TARGET_MILLIS));
    }

    private void header() {
        out.printf(Locale.ROOT, "%-12s | %9s %7s %7s %7s %4s %5s | %9s %7s %7s %7s %4s %5s | %-14s %-16s %-14s%n",
                "phase", "msg/s", "p50 ms", "p99 ms", "cpuµs/m", "sys%", "fail", "msg/s", "p50 ms", "p99 ms", "cpuµs/m",
                "sys%", "fail", "msg/s (≥1.2)", "cpu/msg (≤0.5)", "p99 (≤1.0)");
    }

    private void row(String phase, PhaseResult a, PhaseResult b, boolean throughput) {
        double rateRatio = a.messagesPerSecond() / b.messagesPerSecond();
        double cpuRatio = a.brokerCpuMicrosPerMessage() / b.brokerCpuMicrosPerMessage();
        double p99Ratio = a.p99Millis() / b.p99Millis();
        out.printf(Locale.ROOT, "%-12s | %9.0f %7.2f %7.2f %7.1f %4.0f %5d | %9.0f %7.2f %7.2f %7.1f %4.0f %5d"
                + " | %-14s %-16s %-14s%n",
                phase, a.messagesPerSecond(), a.p50Millis(), a.p99Millis(), a.brokerCpuMicrosPerMessage(),
                a.brokerSystemPercent(), a.failures(), b.messagesPerSecond(), b.p50Millis(), b.p99Millis(),
                b.brokerCpuMicrosPerMessage(), b.brokerSystemPercent(), b.failures(),
                throughput ? ratio(rateRatio, rateRatio >= THROUGHPUT_TARGET) : "(paced)",
                ratio(cpuRatio, cpuRatio <= CPU_TARGET),
                Double.isNaN(p99Ratio) ? "-" : ratio(p99Ratio, p99Ratio <= 1));
    }

    static String ratio(double value, boolean met) {
        return String.format(Locale.ROOT, "%.2fx %s", value, verdict(met));
    }

    static String verdict(boolean met) {
        return met ? "met" : "MISSED";
    }
}
