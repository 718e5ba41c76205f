package io.cloudmq.dataplane.remoting.netty;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** Creates the bounded executors processors run on. Stateless. */
public final class RequestExecutors {
    private RequestExecutors() {}

    /**
     * A fixed pool of {@code threads} named {@code name-N} with a queue of {@code queueCapacity} tasks; a
     * task beyond that is rejected with {@code RejectedExecutionException}, which the dispatcher turns into
     * the registration's {@link OverloadPolicy}. The caller shuts it down.
     */
    public static ThreadPoolExecutor bounded(String name, int threads, int queueCapacity) {
        return new ThreadPoolExecutor(
                threads,
                threads,
                60,
                TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(queueCapacity),
                namedThreads(name),
                new ThreadPoolExecutor.AbortPolicy());
    }

    static ThreadFactory namedThreads(String name) {
        AtomicInteger counter = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, name + "-" + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
