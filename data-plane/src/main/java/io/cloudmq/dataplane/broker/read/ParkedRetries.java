package io.cloudmq.dataplane.broker.read;

import io.cloudmq.dataplane.broker.metadata.TopicTable;
import io.cloudmq.dataplane.store.GetResult;
import io.cloudmq.dataplane.store.GetStatus;
import io.cloudmq.dataplane.store.MessageStore;
import io.cloudmq.dataplane.store.StoredMessage;
import io.cloudmq.dataplane.store.TagFilter;
import io.cloudmq.dataplane.store.commitlog.MessageProperties;
import io.cloudmq.dataplane.store.commitlog.StoredRecords;
import io.cloudmq.dataplane.store.schedule.ScheduleTopic;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.IntToLongFunction;
import org.jspecify.annotations.Nullable;

/**
 * How many failed messages wait in {@code SCHEDULE_TOPIC_XXXX} for their next retry, per retry topic
 * ({@code %RETRY%<group>}, from each parked record's {@code REAL_TOPIC}): the records of every level's queue from
 * the level's delivery progress to the queue's end. The counts come from one scan of those records, repeated at
 * most once per {@link #REFRESH} (a scrape asks once per group); a scan reads at most {@link #MAX_SCANNED}
 * records, beyond which the counts are lower bounds. Only a master delivers parked messages, so only a master has
 * the progress this needs.
 *
 * <p>Thread-safe: scans and reads are serialised by the instance's monitor.
 */
public final class ParkedRetries {
    static final Duration REFRESH = Duration.ofSeconds(1);
    static final int MAX_SCANNED = 100_000;
    private static final int BATCH = 32;
    private static final int BATCH_BYTES = 4 * 1024 * 1024;

    private final MessageStore store;
    private final int levels;
    private final IntToLongFunction progress;
    private final Clock clock;
    private @Nullable Map<String, Long> counts;
    private long countedAtMillis;

    /** @param progress next undelivered schedule-queue offset of a 1-based level */
    public ParkedRetries(MessageStore store, int levels, IntToLongFunction progress, Clock clock) {
        this.store = store;
        this.levels = levels;
        this.progress = progress;
        this.clock = clock;
    }

    /** Messages parked for {@code retryTopic}, as of the last scan (at most {@link #REFRESH} old). */
    public synchronized long of(String retryTopic) {
        long now = clock.millis();
        Map<String, Long> current = counts;
        if (current == null || now - countedAtMillis >= REFRESH.toMillis()) {
            current = scan();
            counts = current;
            countedAtMillis = now;
        }
        return current.getOrDefault(retryTopic, 0L);
    }

    private Map<String, Long> scan() {
        Map<String, Long> byTopic = new HashMap<>();
        int scanned = 0;
        for (int level = 1; level <= levels && scanned < MAX_SCANNED; level++) {
            int queueId = level - 1;
            long offset = Math.max(progress.applyAsLong(level), store.minOffset(ScheduleTopic.TOPIC, queueId));
            while (scanned < MAX_SCANNED && offset < store.maxOffset(ScheduleTopic.TOPIC, queueId)) {
                GetResult read = store.getMessages(ScheduleTopic.TOPIC, queueId, offset, BATCH, BATCH_BYTES,
                        TagFilter.ALL);
                if (read.status() != GetStatus.FOUND || read.messages().isEmpty()) {
                    break;
                }
                for (StoredMessage parked : read.messages()) {
                    String topic = MessageProperties.parse(StoredRecords.toIncoming(parked.bytes()).properties())
                            .get(ScheduleTopic.REAL_TOPIC);
                    if (topic != null && topic.startsWith(TopicTable.RETRY_PREFIX)) {
                        byTopic.merge(topic, 1L, Long::sum);
                    }
                }
                scanned += read.messages().size();
                offset = read.nextBeginOffset();
            }
        }
        return byTopic;
    }
}
