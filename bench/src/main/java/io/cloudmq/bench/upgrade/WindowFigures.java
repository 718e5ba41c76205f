package io.cloudmq.bench.upgrade;

import io.cloudmq.api.upgrade.NodeUpgradeReportView;
import io.cloudmq.api.upgrade.UpgradeReportView;
import io.cloudmq.bench.client.Latencies;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Prints the upgrade benchmark's figures and the verdict against each target of issue 8: every node unavailable
 * &lt; 1 s, p99 send latency during the window &lt; 2× before, duplicates &lt; 0.1 % of acknowledged messages.
 * "Before" is the messages due from the end of the warm-up to the window's start, "during" those due from its
 * start to its end (the report's timestamps); a send's latency runs from the call to its producer to its answer. Where the window's latency goes: every node phase's sends
 * ({@link WindowRun#phases}), and the time between nodes' steps.
 *
 * <p>Threading: one thread, after sending ended.
 */
final class WindowFigures {
    private static final long UNAVAILABLE_TARGET_MILLIS = 1000;
    private static final double P99_RATIO_TARGET = 2.0;
    private static final double DUPLICATE_TARGET_PERCENT = 0.1;
    private static final int SLICE_SECONDS = 5;

    private final PrintStream out;
    private final SendLog log;
    private final long sent;

    WindowFigures(PrintStream out, SendLog log, long sent) {
        this.out = out;
        this.log = log;
        this.sent = sent;
    }

    /** Prints everything; {@code measureFrom} is the end of the warm-up. */
    void print(UpgradeOptions options, Instant measureFrom, UpgradeReportView report, WindowRun window,
            boolean allDelivered) {
        Instant start = report.startedAt() == null ? measureFrom : report.startedAt();
        Instant end = report.finishedAt() == null ? Instant.now() : report.finishedAt();
        out.printf(Locale.ROOT, "window %s: %s%s, %s .. %s, duration %.1f s%n", window.windowId(), window.state(),
                window.pauseReason().isEmpty() ? "" : " (" + window.pauseReason() + ")", start, end,
                Duration.between(start, end).toMillis() / 1000.0);
        boolean allFast = nodes(report);
        out.printf(Locale.ROOT, "producer groups' failed sends counted by the brokers: %s; canary over the window: %s%n",
                report.producerGroups(), report.canary());

        long total = sent;
        long acknowledged = log.count(0, total, outcome -> outcome > 0);
        long failed = log.count(0, total, outcome -> outcome == SendLog.FAILED);
        long unanswered = total - acknowledged - failed;
        long lost = log.lost(0, total);
        long duplicates = log.duplicates(0, total);
        out.printf(Locale.ROOT, "load: %d async sends offered at %d msg/s by %d producers, %d acknowledged,"
                + " %d failed, %d unanswered; %d push consumers of one group%n", total, options.rate(),
                options.producers(), acknowledged, failed, unanswered, options.consumers());
        long beforeFrom = log.firstDueAt(measureFrom);
        long duringFrom = Math.min(total, log.firstDueAt(start));
        long duringTo = Math.min(total, log.firstDueAt(end));
        reasons("before the window", log.failureReasons(0, duringFrom));
        reasons("during the window", log.failureReasons(duringFrom, duringTo));
        reasons("after the window", log.failureReasons(duringTo, total));
        out.printf(Locale.ROOT, "acknowledged but not received: %d (every acknowledged message delivered: %s);"
                + " failed sends received anyway: %d%n", lost, allDelivered, failedButDelivered(total));
        Latencies before = log.latencies(beforeFrom, duringFrom);
        Latencies during = log.latencies(duringFrom, duringTo);
        out.printf(Locale.ROOT, "send latency before (%d sends): p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                before.count(), before.millis(50), before.millis(99), before.millis(100));
        out.printf(Locale.ROOT, "send latency during (%d sends): p50 %.1f ms, p99 %.1f ms, max %.1f ms;"
                + " failed during %d%n", during.count(), during.millis(50), during.millis(99), during.millis(100),
                log.count(duringFrom, duringTo, outcome -> outcome == SendLog.FAILED));
        double ratio = during.millis(99) / before.millis(99);
        double duplicatePercent = 100.0 * duplicates / Math.max(1, acknowledged);
        out.printf(Locale.ROOT, "p99 during ÷ before: %.2f (p50: %.2f)%n", ratio, during.millis(50) / before.millis(50));
        out.printf(Locale.ROOT, "duplicates: %d of %d acknowledged = %.4f %% (of sends before the window %d, during"
                + " %d, after %d); all deliveries beyond a message's first: %d redelivered (same stored message),"
                + " %d second copies (stored twice)%n", duplicates, acknowledged, duplicatePercent,
                log.duplicates(0, duringFrom), log.duplicates(duringFrom, duringTo), log.duplicates(duringTo, total),
                log.redeliveries(), log.secondCopies());
        out.printf(Locale.ROOT, "target unavailable < %d ms per node: %s%n", UNAVAILABLE_TARGET_MILLIS,
                verdict(allFast));
        out.printf(Locale.ROOT, "target p99 during < %.0f× before: %s (%.2f×)%n", P99_RATIO_TARGET,
                verdict(ratio < P99_RATIO_TARGET), ratio);
        out.printf(Locale.ROOT, "target duplicates < %.1f %%: %s (%.4f %%)%n", DUPLICATE_TARGET_PERCENT,
                verdict(duplicatePercent < DUPLICATE_TARGET_PERCENT), duplicatePercent);
        phases(window, start, end, P99_RATIO_TARGET * before.millis(99));
        timeline(window, start, end);
    }

    private void reasons(String when, Map<String, Long> reasons) {
        reasons.forEach((reason, count) -> out.printf(Locale.ROOT, "  failed %s: %d× %s%n", when, count, reason));
    }

    /**
     * Every {@value #SLICE_SECONDS} s of the window: sends, p99, maximum, failures, duplicate deliveries, and the
     * node phases in it.
     */
    private void timeline(WindowRun window, Instant start, Instant end) {
        out.printf(Locale.ROOT, "the window in %d s slices (by due time of the sends):%n", SLICE_SECONDS);
        List<WindowRun.Stretch> stretches = window.stretches(end);
        for (Instant from = start; from.isBefore(end); from = from.plusSeconds(SLICE_SECONDS)) {
            Instant until = from.plusSeconds(SLICE_SECONDS).isAfter(end) ? end : from.plusSeconds(SLICE_SECONDS);
            long first = Math.min(sent, log.firstDueAt(from));
            long last = Math.min(sent, log.firstDueAt(until));
            Latencies slice = log.latencies(first, last);
            Instant sliceFrom = from;
            List<String> labels = stretches.stream()
                    .filter(stretch -> stretch.from().isBefore(until) && stretch.until().isAfter(sliceFrom))
                    .map(WindowRun.Stretch::label).toList();
            out.printf(Locale.ROOT, "  %s %6d sends p99 %7.1f max %7.1f ms %5d failed %5d duplicated  %s%n",
                    from.toString().substring(11, 19), slice.count(), slice.millis(99), slice.millis(100),
                    log.count(first, last, outcome -> outcome == SendLog.FAILED), log.duplicates(first, last),
                    String.join(", ", labels));
        }
    }

    /** Prints every node's times from the report; true if each node's unavailable time is known and under target. */
    private boolean nodes(UpgradeReportView report) {
        boolean allFast = !report.nodes().isEmpty();
        out.println("node          group     step s    unavailable ms  write-fenced ms");
        for (NodeUpgradeReportView node : report.nodes()) {
            out.printf(Locale.ROOT, "%-13s %-9s %-9s %-15s %s%n", node.node(), orDash(node.brokerName()),
                    node.stepMillis() == null ? "-" : String.format(Locale.ROOT, "%.1f", node.stepMillis() / 1000.0),
                    orDash(node.unavailableMillis()), orDash(node.writeFencedMillis()));
            allFast &= node.unavailableMillis() != null && node.unavailableMillis() < UNAVAILABLE_TARGET_MILLIS;
        }
        return allFast;
    }

    private long failedButDelivered(long total) {
        long count = 0;
        for (long n = 0; n < total; n++) {
            if (log.outcome(n) == SendLog.FAILED && log.deliveries(n) > 0) {
                count++;
            }
        }
        return count;
    }

    /**
     * Sends due in each node phase of the window, and between the nodes' steps: count, p50, p99, maximum, how
     * many took longer than {@code slowMillis} (twice the p99 before) and how many failed.
     */
    private void phases(WindowRun window, Instant start, Instant end, double slowMillis) {
        out.printf(Locale.ROOT, "sends during the window by node phase (slow = over %.1f ms, twice the p99 before;"
                + " a phase runs until the node's next one):%n", slowMillis);
        List<long[]> covered = new ArrayList<>();
        for (WindowRun.Stretch stretch : window.stretches(end)) {
            long from = Math.min(sent, log.firstDueAt(stretch.from()));
            long to = Math.min(sent, log.firstDueAt(stretch.until()));
            covered.add(new long[] {from, to});
            row(stretch.label(), stretch.from(), stretch.until(), from, to, slowMillis);
        }
        long duringFrom = Math.min(sent, log.firstDueAt(start));
        long duringTo = Math.min(sent, log.firstDueAt(end));
        Latencies between = new Latencies();
        long slow = 0;
        long failed = 0;
        for (long n = duringFrom; n < duringTo; n++) {
            long message = n;
            if (covered.stream().anyMatch(range -> message >= range[0] && message < range[1])) {
                continue;
            }
            long outcome = log.outcome(n);
            if (outcome > 0) {
                between.record(outcome);
                slow += outcome / 1e6 > slowMillis ? 1 : 0;
            } else if (outcome == SendLog.FAILED) {
                failed++;
            }
        }
        out.printf(Locale.ROOT, "  %-28s %17s %7d sends p50 %7.1f p99 %7.1f max %7.1f ms, %5d slow, %d failed%n",
                "no node in a phase", "", between.count(), between.millis(50), between.millis(99),
                between.millis(100), slow, failed);
    }

    private void row(String label, Instant from, Instant until, long first, long last, double slowMillis) {
        Latencies latencies = log.latencies(first, last);
        long slow = log.count(first, last, outcome -> outcome / 1e6 > slowMillis);
        out.printf(Locale.ROOT, "  %-28s %s +%6.1f s %7d sends p50 %7.1f p99 %7.1f max %7.1f ms, %5d slow, %d failed%n",
                label, from.toString().substring(11, 19), Duration.between(from, until).toMillis() / 1000.0,
                latencies.count(), latencies.millis(50), latencies.millis(99), latencies.millis(100), slow,
                log.count(first, last, outcome -> outcome == SendLog.FAILED));
        reasons("in it", log.failureReasons(first, last));
    }

    private static String orDash(@Nullable Object value) {
        return value == null ? "-" : value.toString();
    }

    private static String verdict(boolean met) {
        return met ? "MET" : "MISSED";
    }
}
