package io.cloudmq.bench.codec;

import java.lang.management.ManagementFactory;
import java.util.function.IntConsumer;

/**
 * Runs one stage of the send path over a batch of requests and adds up what it cost the calling thread: CPU
 * time ({@code CLOCK_THREAD_CPUTIME_ID}, so other processes on a shared machine do not inflate it) and bytes
 * allocated. Garbage collection runs on other threads and is not included; the allocation figure stands for it.
 *
 * <p>Threading: not thread-safe; one meter is used by the benchmark's single thread.
 */
final class StageMeter {
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private final String name;
    private final IntConsumer stage;
    private long cpuNanos;
    private long allocatedBytes;
    private long requests;

    /** @param stage the work for the request of the given index in the batch */
    StageMeter(String name, IntConsumer stage) {
        this.name = name;
        this.stage = stage;
    }

    /** Runs the stage for requests {@code 0 .. batch - 1}; adds the cost only if {@code counted}. */
    void run(int batch, boolean counted) {
        long cpuBefore = THREADS.getCurrentThreadCpuTime();
        long allocatedBefore = THREADS.getCurrentThreadAllocatedBytes();
        for (int i = 0; i < batch; i++) {
            stage.accept(i);
        }
        if (counted) {
            cpuNanos += THREADS.getCurrentThreadCpuTime() - cpuBefore;
            allocatedBytes += THREADS.getCurrentThreadAllocatedBytes() - allocatedBefore;
            requests += batch;
        }
    }

    String name() {
        return name;
    }

    double cpuNanosPerRequest() {
        return (double) cpuNanos / requests;
    }

    double bytesPerRequest() {
        return (double) allocatedBytes / requests;
    }

    long requests() {
        return requests;
    }
}
