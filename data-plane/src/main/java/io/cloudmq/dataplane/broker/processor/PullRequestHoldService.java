package io.cloudmq.dataplane.broker.processor;

import io.cloudmq.dataplane.store.TagFilter;
import io.cloudmq.dataplane.store.queue.ArrivalListener;
import io.netty.channel.Channel;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Long polling (spec §4.7): pulls that found nothing new are held here until a matching message arrives
 * on their queue (the store's {@link ArrivalListener}), their deadline passes, or their connection
 * closes; each is then woken exactly once, on this service's wake-up thread, to run the pull again and
 * answer. Deadlines are checked every check interval, so a pull is answered at most one interval after
 * its deadline. A server-side offset reset wakes the group's pulls of the reset queue at once ({@link #wakeReset}),
 * so the consumer learns the new offset with its next answer rather than after its suspend time.
 * {@link #close()} wakes everything still held.
 *
 * <p>Thread-safe. {@link #onArrival} runs under the store's put lock and only hands work to the wake-up
 * thread.
 */
public final class PullRequestHoldService implements ArrivalListener, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(PullRequestHoldService.class);

    /** A held pull; {@code wake} answers it (runs the pull again without suspension). */
    public static final class HeldPull {
        private final String group;
        private final String topic;
        private final int queueId;
        private final long offset;
        private final TagFilter filter;
        private final long deadlineMillis;
        private final Channel channel;
        private final Runnable wake;
        private final AtomicBoolean woken = new AtomicBoolean();

        public HeldPull(String group, String topic, int queueId, long offset, TagFilter filter, long deadlineMillis,
                Channel channel, Runnable wake) {
            this.group = group;
            this.topic = topic;
            this.queueId = queueId;
            this.offset = offset;
            this.filter = filter;
            this.deadlineMillis = deadlineMillis;
            this.channel = channel;
            this.wake = wake;
        }
    }

    private final Clock clock;
    private final Map<String, List<HeldPull>> held = new ConcurrentHashMap<>();
    private final ExecutorService wakeups = Executors.newSingleThreadExecutor(daemon("pull-wakeup"));
    private final ScheduledExecutorService checker = Executors.newSingleThreadScheduledExecutor(daemon("pull-hold-check"));

    public PullRequestHoldService(Clock clock, Duration checkInterval) {
        this.clock = clock;
        long millis = checkInterval.toMillis();
        checker.scheduleWithFixedDelay(this::wakeExpired, millis, millis, TimeUnit.MILLISECONDS);
    }

    /**
     * Holds {@code pull} until it can be answered. {@code maxOffset} is read after the pull is registered,
     * so a message that arrived between the caller's read and the registration still wakes it.
     */
    public void hold(HeldPull pull, LongSupplier maxOffset) {
        List<HeldPull> queue = held.computeIfAbsent(key(pull.topic, pull.queueId), ignored -> new ArrayList<>());
        synchronized (queue) {
            queue.add(pull);
        }
        if (maxOffset.getAsLong() > pull.offset) {
            synchronized (queue) {
                queue.remove(pull);
            }
            wake(pull);
        }
    }

    /** Number of pulls held now. */
    public int heldCount() {
        int count = 0;
        for (List<HeldPull> queue : held.values()) {
            synchronized (queue) {
                count += queue.size();
            }
        }
        return count;
    }

    @Override
    public void onArrival(String topic, int queueId, long maxOffset, long tagsCode) {
        wakeOnQueue(topic, queueId, pull -> pull.offset < maxOffset && pull.filter.accepts(tagsCode));
    }

    /** Wakes the pulls of {@code group} held on the queue, whatever their offset and filter. */
    public void wakeReset(String group, String topic, int queueId) {
        wakeOnQueue(topic, queueId, pull -> pull.group.equals(group));
    }

    private void wakeOnQueue(String topic, int queueId, Predicate<HeldPull> due) {
        List<HeldPull> queue = held.get(key(topic, queueId));
        if (queue != null) {
            wake(queue, due);
        }
    }

    private void wakeExpired() {
        try {
            long now = clock.millis();
            wakeWhere(pull -> pull.deadlineMillis <= now || !pull.channel.isActive());
        } catch (RuntimeException e) {
            log.error("checking held pulls failed", e);
        }
    }

    private void wakeWhere(Predicate<HeldPull> condition) {
        for (List<HeldPull> queue : held.values()) {
            wake(queue, condition);
        }
    }

    /** Removes the pulls of {@code queue} that are {@code due} and wakes them outside the queue's lock. */
    private void wake(List<HeldPull> queue, Predicate<HeldPull> due) {
        List<HeldPull> ready = new ArrayList<>();
        synchronized (queue) {
            queue.removeIf(pull -> {
                boolean wake = due.test(pull);
                if (wake) {
                    ready.add(pull);
                }
                return wake;
            });
        }
        ready.forEach(this::wake);
    }

    private void wake(HeldPull pull) {
        if (pull.woken.compareAndSet(false, true)) {
            wakeups.execute(() -> {
                try {
                    pull.wake.run();
                } catch (RuntimeException e) {
                    log.error("answering a held pull of {}-{} failed", pull.topic, pull.queueId, e);
                }
            });
        }
    }

    /** Answers every held pull, then stops. */
    @Override
    public void close() {
        checker.shutdownNow();
        wakeWhere(pull -> true);
        wakeups.shutdown();
        try {
            if (!wakeups.awaitTermination(5, TimeUnit.SECONDS)) {
                wakeups.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String key(String topic, int queueId) {
        return topic + '@' + queueId;
    }

    private static ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
