package io.cloudmq.dataplane.store.queue;

import io.cloudmq.dataplane.store.commitlog.MessageProperties;
import io.cloudmq.dataplane.store.commitlog.RecordHeader;
import io.cloudmq.dataplane.store.index.IndexService;
import io.cloudmq.dataplane.store.schedule.DelayLevels;
import io.cloudmq.dataplane.store.schedule.ScheduleTopic;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Builds derived data from commit-log records: the consume-queue entry (whose tag slot holds the deliver
 * time for {@code SCHEDULE_TOPIC_XXXX}, see {@link ScheduleTopic}), the key and unique-id index
 * entries, and an arrival notification. Replaying a record that is already dispatched is harmless
 * (consume queues and the index ignore what they already hold), which is what recovery relies on.
 *
 * <p>Threading: {@link #dispatch} only from the store's writer (under the put lock) or recovery;
 * {@link #dispatchedOffset()} from any thread.
 */
public final class Dispatcher {
    private final ConsumeQueueStore queues;
    private final IndexService index;
    private final List<ArrivalListener> listeners = new CopyOnWriteArrayList<>();
    private volatile long dispatchedOffset;

    public Dispatcher(ConsumeQueueStore queues, IndexService index) {
        this.queues = queues;
        this.index = index;
    }

    public void addListener(ArrivalListener listener) {
        listeners.add(listener);
    }

    public void removeListener(ArrivalListener listener) {
        listeners.remove(listener);
    }

    /** Writes the derived entries of one record and wakes listeners. */
    public void dispatch(RecordHeader record) throws IOException {
        dispatch(record, MessageProperties.parse(record.properties()));
    }

    /** As {@link #dispatch(RecordHeader)}, with the record's properties already parsed (outside the put lock). */
    public void dispatch(RecordHeader record, Map<String, String> properties) throws IOException {
        long tagsCode = ScheduleTopic.tagsCode(record, properties, DelayLevels.DEFAULT);
        ConsumeQueue queue = queues.findOrCreate(record.topic(), record.queueId());
        queue.put(record.queueOffset(), new ConsumeQueueEntry(record.physicalOffset(), record.size(), tagsCode));
        index.put(record, properties);
        for (ArrivalListener listener : listeners) {
            listener.onArrival(record.topic(), record.queueId(), record.queueOffset() + 1, tagsCode);
        }
    }

    /** Records that every record below {@code offset} is dispatched. */
    public void markDispatchedUpTo(long offset) {
        dispatchedOffset = offset;
    }

    /** Commit-log offset below which every record is dispatched. */
    public long dispatchedOffset() {
        return dispatchedOffset;
    }
}
