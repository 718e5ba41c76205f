package io.cloudmq.bench;

import io.cloudmq.dataplane.store.DefaultMessageStore;
import io.cloudmq.dataplane.store.PutResult;
import io.cloudmq.dataplane.store.PutStatus;
import io.cloudmq.dataplane.store.StoreConfig;
import io.cloudmq.dataplane.store.StoreExtensions;
import io.cloudmq.dataplane.store.commitlog.IncomingMessage;
import io.cloudmq.dataplane.store.flush.FlushMode;
import io.cloudmq.dataplane.store.flush.FlushObserver;
import io.cloudmq.dataplane.store.retention.DiskUsageProbe;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One store put-rate measurement: {@code writers} threads put 1 KiB messages into a fresh store until
 * the message budget or the time budget is used up; the time includes the final flush (clean close).
 *
 * <p>Threading: {@link #run} from one thread; it starts the writer threads itself.
 *
 * @param mode flush mode under test
 * @param writers concurrent put threads
 * @param maxMessages message budget over all writers
 * @param maxSeconds time budget
 */
record StorePutRun(FlushMode mode, int writers, long maxMessages, double maxSeconds) {
    static final int BODY_SIZE = 1024;

    /**
     * Result of a run; {@code fsyncs} counts commit-log fsyncs, {@code cpu} is the process CPU of the run
     * and {@code writerCpuNanos} the part the writer threads used (their puts, including the put lock's
     * critical section, but not the store's own threads, JIT or GC).
     */
    record Result(long messages, long bytes, double seconds, long fsyncs, CpuTime cpu, long writerCpuNanos) {
        double messagesPerSecond() {
            return messages / seconds;
        }

        double bytesPerSecond() {
            return bytes / seconds;
        }
    }

    Result run(Path directory) throws Exception {
        Path root = directory.resolve("store-" + mode + "-" + writers);
        InetSocketAddress address = new InetSocketAddress(InetAddress.getLoopbackAddress(), 10911);
        StoreConfig config = StoreConfig.defaults(root, "bench", "broker-bench", address).withFlushMode(mode);
        AtomicLong budget = new AtomicLong(maxMessages);
        AtomicLong bytes = new AtomicLong();
        AtomicLong writerCpu = new AtomicLong();
        long deadline = System.nanoTime() + (long) (maxSeconds * 1e9);
        long started = System.nanoTime();
        CpuTime cpuAtStart = CpuTime.now();
        AtomicLong fsyncs = new AtomicLong();
        FlushObserver counter = new FlushObserver() {
            @Override
            public void fsyncCompleted(long coveredOffset) {
                fsyncs.incrementAndGet();
            }
        };
        DefaultMessageStore store = DefaultMessageStore.open(config,
                new StoreExtensions(counter, DiskUsageProbe.FILE_STORE));
        List<Thread> threads = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            int writer = w;
            Thread thread = new Thread(() -> {
                put(store, writer, budget, bytes, deadline);
                writerCpu.addAndGet(ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime());
            }, "bench-writer-" + w);
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        store.close();
        double seconds = (System.nanoTime() - started) / 1e9;
        CpuTime cpu = CpuTime.now().since(cpuAtStart);
        Directories.deleteTree(root);
        return new Result(maxMessages - Math.max(0, budget.get()), bytes.get(), seconds, fsyncs.get(), cpu,
                writerCpu.get());
    }

    private static void put(DefaultMessageStore store, int writer, AtomicLong budget, AtomicLong bytes,
            long deadline) {
        byte[] body = new byte[BODY_SIZE];
        InetSocketAddress born = new InetSocketAddress(InetAddress.getLoopbackAddress(), 40000 + writer);
        long sequence = 0;
        while (budget.decrementAndGet() >= 0 && System.nanoTime() < deadline) {
            String properties = "TAGS\u0001t\u0002UNIQ_KEY\u0001W" + writer + "-" + sequence++ + "\u0002";
            PutResult result = store.put(new IncomingMessage("BenchTopic", writer % 8, 0, body, properties, 0,
                    System.currentTimeMillis(), born, 0, 0));
            if (result.status() != PutStatus.PUT_OK) {
                throw new IllegalStateException("put failed: " + result.status());
            }
            bytes.addAndGet(result.records().get(0).size());
        }
    }
}
