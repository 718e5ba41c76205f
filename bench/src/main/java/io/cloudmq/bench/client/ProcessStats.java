package io.cloudmq.bench.client;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads a process's own accounting from Linux {@code /proc}: CPU time and resident memory.
 *
 * <p>{@code /proc/<pid>/stat} after the {@code (comm)} field, space separated (1-based field numbers of proc(5)):
 * <table>
 *   <caption>fields used</caption>
 *   <tr><th>field</th><th>name</th><th>unit</th></tr>
 *   <tr><td>14</td><td>utime</td><td>clock ticks in user mode</td></tr>
 *   <tr><td>15</td><td>stime</td><td>clock ticks in kernel mode</td></tr>
 * </table>
 * {@code /proc/<pid>/status} lines {@code VmRSS:} and {@code VmHWM:} are in kB.
 *
 * <p>Threading: stateless, safe from any thread.
 */
final class ProcessStats {
    /** USER_HZ; 100 on every Linux architecture the benchmark runs on (getconf CLK_TCK). */
    private static final long NANOS_PER_TICK = 10_000_000L;
    private static final int UTIME_AFTER_COMM = 11;

    private ProcessStats() {}

    /** CPU time in nanoseconds, split into user mode and kernel mode. */
    record CpuTimes(long userNanos, long systemNanos) {
        long totalNanos() {
            return userNanos + systemNanos;
        }

        CpuTimes minus(CpuTimes earlier) {
            return new CpuTimes(userNanos - earlier.userNanos, systemNanos - earlier.systemNanos);
        }
    }

    /** The CPU time the process has used so far. */
    static CpuTimes cpu(long pid) {
        String stat = read(Path.of("/proc", Long.toString(pid), "stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return new CpuTimes(Long.parseLong(fields[UTIME_AFTER_COMM]) * NANOS_PER_TICK,
                Long.parseLong(fields[UTIME_AFTER_COMM + 1]) * NANOS_PER_TICK);
    }

    /** Current resident set size in bytes. */
    static long rssBytes(long pid) {
        return statusKilobytes(pid, "VmRSS:") * 1024;
    }

    /** Peak resident set size in bytes. */
    static long peakRssBytes(long pid) {
        return statusKilobytes(pid, "VmHWM:") * 1024;
    }

    private static long statusKilobytes(long pid, String key) {
        for (String line : read(Path.of("/proc", Long.toString(pid), "status")).split("\n")) {
            if (line.startsWith(key)) {
                return Long.parseLong(line.substring(key.length()).replace("kB", "").strip());
            }
        }
        throw new IllegalStateException(key + " missing in /proc/" + pid + "/status");
    }

    private static String read(Path path) {
        try {
            return Files.readString(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
