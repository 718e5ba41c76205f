package io.cloudmq.dataplane.store.schedule;

import io.cloudmq.dataplane.store.GetResult;
import io.cloudmq.dataplane.store.GetStatus;
import io.cloudmq.dataplane.store.MessageStore;
import io.cloudmq.dataplane.store.StoredMessage;
import io.cloudmq.dataplane.store.TagFilter;
import io.cloudmq.dataplane.store.commitlog.IncomingMessage;
import io.cloudmq.dataplane.store.commitlog.MessageProperties;
import io.cloudmq.dataplane.store.commitlog.StoredRecords;
import io.cloudmq.dataplane.store.file.StateFile;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers parked messages (spec §4.14): per level, reads {@code SCHEDULE_TOPIC_XXXX} queue
 * {@code level - 1} from its progress, re-stores every message whose deliver time (store time plus the
 * level's delay) has come in its real topic and queue, and stops at the first one not yet due. The
 * progress is persisted after every pass that delivered something, so a crash loses no message and
 * leaves at most the last pass un-persisted. Those are not stored twice: after opening, each level skips
 * due messages whose copy is already in the real topic (same {@code UNIQ_KEY}, stored after the parked
 * record) until the first one without a copy. A message is never delivered before its time.
 *
 * <p>Threading: {@link #deliverDue()} is not reentrant; after {@link #start} it runs only on the
 * service's own thread. {@link #progress} and {@link #close()} from any thread.
 */
public final class ScheduleService implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ScheduleService.class);
    private static final int BATCH = 32;
    private static final int BATCH_BYTES = 4 * 1024 * 1024;
    private static final Duration FIRST_RUN = Duration.ofSeconds(1);

    private final MessageStore store;
    private final DelayLevels levels;
    private final Clock clock;
    private final ScheduleProgress progress;
    private final boolean[] resumed;
    private @Nullable ScheduledExecutorService timer;

    private ScheduleService(MessageStore store, DelayLevels levels, Clock clock, ScheduleProgress progress) {
        this.store = store;
        this.levels = levels;
        this.clock = clock;
        this.progress = progress;
        this.resumed = new boolean[levels.count()];
    }

    /** A service resuming from the progress in {@code progressFile} (from the start if it is absent). */
    public static ScheduleService open(MessageStore store, DelayLevels levels, Clock clock, StateFile progressFile)
            throws IOException {
        return new ScheduleService(store, levels, clock, ScheduleProgress.load(progressFile, levels.count()));
    }

    /** Runs {@link #deliverDue()} after one second, then every {@code interval}. */
    public synchronized void start(Duration interval) {
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "schedule-delivery");
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(this::deliverSafely, FIRST_RUN.toMillis(), interval.toMillis(),
                TimeUnit.MILLISECONDS);
        timer = executor;
    }

    /**
     * Delivers every due message of every level and persists the progress if anything moved.
     *
     * @return number of parked messages handled (delivered, or found delivered before a restart)
     * @throws IOException if the progress cannot be persisted
     */
    public int deliverDue() throws IOException {
        int delivered = 0;
        for (int level = 1; level <= levels.count(); level++) {
            delivered += deliverLevel(level);
        }
        if (delivered > 0) {
            progress.persist();
        }
        return delivered;
    }

    /** Next undelivered {@code SCHEDULE_TOPIC_XXXX} offset of a level; callable from any thread. */
    public long progress(int level) {
        return progress.next(level);
    }

    /** Next undelivered offset of every level, by 1-based level (what a slave replicates); any thread. */
    public Map<Integer, Long> progressTable() {
        return progress.table();
    }

    private int deliverLevel(int level) {
        int delivered = 0;
        long delay = levels.delayMillis(level);
        while (true) {
            long offset = Math.max(progress.next(level), store.minOffset(ScheduleTopic.TOPIC, level - 1));
            GetResult read = store.getMessages(ScheduleTopic.TOPIC, level - 1, offset, BATCH, BATCH_BYTES, TagFilter.ALL);
            if (read.status() != GetStatus.FOUND) {
                return delivered;
            }
            for (StoredMessage parked : read.messages()) {
                if (parked.storeTimestamp() + delay > clock.millis()) {
                    resumed[level - 1] = true;
                    return delivered;
                }
                IncomingMessage real = ScheduleTopic.restore(StoredRecords.toIncoming(parked.bytes()));
                if (!resumed[level - 1] && real != null && deliveredBeforeRestart(parked, real)) {
                    log.info("delayed message at physical offset {} was delivered before the restart, not again",
                            parked.physicalOffset());
                } else if (deliver(parked, real)) {
                    resumed[level - 1] = true;
                } else {
                    return delivered;
                }
                progress.advance(level, parked.queueOffset() + 1);
                delivered++;
            }
        }
    }

    /** Whether the real topic already holds a copy of {@code parked}, stored after it. */
    private boolean deliveredBeforeRestart(StoredMessage parked, IncomingMessage real) {
        String uniqueId = MessageProperties.uniqueId(MessageProperties.parse(real.properties()));
        return uniqueId != null && store.queryByUniqueId(real.topic(), uniqueId).stream()
                .anyMatch(copy -> copy.physicalOffset() > parked.physicalOffset());
    }

    /** Stores the real message; false if the store refused it (tried again on the next pass). */
    private boolean deliver(StoredMessage parked, @Nullable IncomingMessage real) {
        if (real == null) {
            log.warn("parked message at physical offset {} names no real topic, skipped", parked.physicalOffset());
            return true;
        }
        boolean stored = store.put(real).stored();
        if (!stored) {
            log.warn("delivering a delayed message to {} was refused, retried on the next pass", real.topic());
        }
        return stored;
    }

    private void deliverSafely() {
        try {
            deliverDue();
        } catch (IOException | RuntimeException e) {
            log.error("delayed-message delivery pass failed", e);
        }
    }

    @Override
    public synchronized void close() {
        if (timer != null) {
            timer.shutdownNow();
            try {
                timer.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            timer = null;
        }
    }
}
