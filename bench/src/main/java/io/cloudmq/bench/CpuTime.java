package io.cloudmq.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * CPU time consumed by this JVM process (all threads: writers, store threads, JIT and GC). Less
 * sensitive to other load on a shared machine than wall-clock throughput: a put costs about the same
 * CPU whether or not other processes compete for the cores.
 *
 * <p>The user/system split comes from {@code /proc/self/stat} (fields 14 and 15, {@code utime} and
 * {@code stime}, in clock ticks of 10 ms, Linux's fixed {@code USER_HZ} of 100); where that file is
 * absent both parts are -1 and only the total from the platform MXBean is known.
 *
 * <p>Threading: immutable; {@link #now} from any thread.
 *
 * @param totalNanos process CPU time from {@link com.sun.management.OperatingSystemMXBean}
 * @param userNanos user-mode CPU time, or -1 if unknown
 * @param systemNanos kernel-mode CPU time, or -1 if unknown
 */
record CpuTime(long totalNanos, long userNanos, long systemNanos) {
    private static final long NANOS_PER_TICK = 10_000_000L;
    private static final Path PROC_STAT = Path.of("/proc/self/stat");

    /** The process's CPU time so far. */
    static CpuTime now() {
        long total = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
        try {
            String stat = Files.readString(PROC_STAT);
            // fields after the parenthesised command name, which may itself contain spaces
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // fields[0] is field 3 (state), so utime (field 14) is fields[11] and stime (15) fields[12]
            return new CpuTime(total, Long.parseLong(fields[11]) * NANOS_PER_TICK,
                    Long.parseLong(fields[12]) * NANOS_PER_TICK);
        } catch (IOException | RuntimeException e) {
            return new CpuTime(total, -1, -1);
        }
    }

    /** CPU time spent between {@code earlier} and this sample. */
    CpuTime since(CpuTime earlier) {
        boolean split = userNanos >= 0 && earlier.userNanos >= 0;
        return new CpuTime(totalNanos - earlier.totalNanos, split ? userNanos - earlier.userNanos : -1,
                split ? systemNanos - earlier.systemNanos : -1);
    }

    /** For example {@code "12.3 µs CPU/put (user 4.5, system 7.8)"}: this CPU time spread over {@code operations}. */
    String perOperation(long operations, String operation) {
        double count = Math.max(1, operations);
        String total = String.format(Locale.ROOT, "%.2f µs CPU/%s", totalNanos / count / 1e3, operation);
        return userNanos < 0 ? total
                : String.format(Locale.ROOT, "%s (user %.2f, system %.2f)", total, userNanos / count / 1e3,
                        systemNanos / count / 1e3);
    }
}
