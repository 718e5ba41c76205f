package io.cloudmq.bench;

import io.cloudmq.dataplane.store.flush.FlushMode;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Measures, in one run on one disk, the raw disk limits and the store, and prints the ratios the store
 * is judged by: ASYNC_FLUSH put bandwidth against raw sequential bandwidth, and SYNC_FLUSH puts per
 * second with 16 writers against the single-writer fsync rate.
 *
 * <p>Usage: {@code java -Xmx1g -jar bench/target/bench.jar <directory> [rawGiB] [asyncMessages] [syncSeconds]}.
 * The directory must be on the disk under test (tmpfs is refused) with room for the raw file and one
 * store run.
 *
 * <p>Threading: runs on the main thread; store runs start their own writers.
 */
public final class StoreBenchmark {
    private static final int[] WRITERS = {1, 4, 16};

    private StoreBenchmark() {}

    public static void main(String[] args) throws Exception {
        Path directory = Path.of(args.length > 0 ? args[0] : "bench-data");
        long rawBytes = (long) (Double.parseDouble(args.length > 1 ? args[1] : "1") * (1L << 30));
        long asyncMessages = Long.parseLong(args.length > 2 ? args[2] : "1000000");
        double syncSeconds = Double.parseDouble(args.length > 3 ? args[3] : "10");
        // The benchmark's output is its result: it prints to stdout by design.
        PrintStream out = System.out;
        Files.createDirectories(directory);
        checkDisk(directory, rawBytes + asyncMessages * 1200);
        out.printf(Locale.ROOT, "load average (1 min) at start: %.2f%n", loadAverage());

        double rawBandwidth = DiskBaseline.sequentialWriteBytesPerSecond(directory, rawBytes);
        int mappedBytes = (int) Math.min(rawBytes, 1 << 30);
        CpuTime mappedStart = CpuTime.now();
        double mappedBandwidth = DiskBaseline.mappedWriteBytesPerSecond(directory, mappedBytes, StorePutRun.BODY_SIZE);
        CpuTime mappedCpu = CpuTime.now().since(mappedStart);
        double appendFsyncRate = DiskBaseline.fsyncsPerSecond(directory, syncSeconds, false);
        double fsyncRate = DiskBaseline.fsyncsPerSecond(directory, syncSeconds, true);
        out.printf(Locale.ROOT, "raw sequential write: %.1f MiB/s (%d MiB in 1 MiB blocks + one fsync)%n",
                rawBandwidth / (1 << 20), rawBytes >> 20);
        out.printf(Locale.ROOT, "raw write through a mapping of a new sparse file in 1 KiB pieces: %.1f MiB/s; %s%n",
                mappedBandwidth / (1 << 20), mappedCpu.perOperation(mappedBytes >> 10, "KiB"));
        out.printf(Locale.ROOT, "raw fsync rate (1 writer, 4 KiB writes growing the file): %.0f /s%n", appendFsyncRate);
        out.printf(Locale.ROOT, "raw fsync rate (1 writer, 4 KiB writes into a preallocated file): %.0f /s"
                + " (the baseline below)%n", fsyncRate);

        for (int writers : WRITERS) {
            StorePutRun.Result result = new StorePutRun(FlushMode.ASYNC_FLUSH, writers, asyncMessages, 600)
                    .run(directory);
            out.printf(Locale.ROOT,
                    "ASYNC_FLUSH %2d writers: %.0f puts/s, %.1f MiB/s = %.0f %% of raw sequential; %s%n",
                    writers, result.messagesPerSecond(), result.bytesPerSecond() / (1 << 20),
                    100 * result.bytesPerSecond() / rawBandwidth, cpu(result));
        }
        for (int writers : WRITERS) {
            StorePutRun.Result result = new StorePutRun(FlushMode.SYNC_FLUSH, writers, Long.MAX_VALUE, syncSeconds)
                    .run(directory);
            out.printf(Locale.ROOT, "SYNC_FLUSH  %2d writers: %.0f puts/s = %.1fx the single-writer fsync rate"
                    + " (%.0f fsyncs/s, %.1f puts per fsync); %s%n", writers, result.messagesPerSecond(),
                    result.messagesPerSecond() / fsyncRate, result.fsyncs() / result.seconds(),
                    (double) result.messages() / Math.max(1, result.fsyncs()),
                    cpu(result));
        }
        out.printf(Locale.ROOT, "load average (1 min) at end: %.2f%n", loadAverage());
    }

    private static String cpu(StorePutRun.Result result) {
        return String.format(Locale.ROOT, "%s, of which writer threads %.2f",
                result.cpu().perOperation(result.messages(), "put"),
                result.writerCpuNanos() / 1e3 / Math.max(1, result.messages()));
    }

    private static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    private static void checkDisk(Path directory, long needed) throws IOException {
        FileStore store = Files.getFileStore(directory);
        if (store.type().equalsIgnoreCase("tmpfs")) {
            throw new IllegalArgumentException(directory + " is on tmpfs; benchmark a real disk");
        }
        if (store.getUsableSpace() < needed * 2) {
            throw new IllegalArgumentException(directory + " has " + (store.getUsableSpace() >> 20)
                    + " MiB free; the run needs about " + (needed * 2 >> 20) + " MiB");
        }
    }
}
