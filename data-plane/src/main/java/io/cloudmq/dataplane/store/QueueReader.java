package io.cloudmq.dataplane.store;

import io.cloudmq.dataplane.store.commitlog.CommitLog;
import io.cloudmq.dataplane.store.commitlog.RecordCodec;
import io.cloudmq.dataplane.store.queue.ConsumeQueue;
import io.cloudmq.dataplane.store.queue.ConsumeQueueEntry;
import io.cloudmq.dataplane.store.queue.ConsumeQueueStore;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads queues through their consume-queue entries: message batches for pulls and searches by store
 * time.
 *
 * <p>Threading: stateless apart from its collaborators; safe from any thread.
 */
final class QueueReader {
    /** Most entries one read scans when the filter rejects them (bounds the work of one pull). */
    static final int MAX_SCANNED_ENTRIES = 800;

    private final CommitLog commitLog;
    private final ConsumeQueueStore queues;

    QueueReader(CommitLog commitLog, ConsumeQueueStore queues) {
        this.commitLog = commitLog;
        this.queues = queues;
    }

    GetResult getMessages(String topic, int queueId, long offset, int maxCount, int maxBytes, TagFilter filter) {
        ConsumeQueue queue = queues.find(topic, queueId);
        long min = queue == null ? 0 : queue.minOffset();
        long max = queue == null ? 0 : queue.maxOffset();
        if (queue == null || max == 0) {
            return new GetResult(GetStatus.NO_MESSAGE_IN_QUEUE, 0, min, max, List.of());
        } else if (offset < min) {
            return new GetResult(GetStatus.OFFSET_TOO_SMALL, min, min, max, List.of());
        } else if (offset == max) {
            return new GetResult(GetStatus.OFFSET_OVERFLOW_ONE, offset, min, max, List.of());
        } else if (offset > max) {
            return new GetResult(GetStatus.OFFSET_OVERFLOW_BADLY, max, min, max, List.of());
        }
        List<StoredMessage> found = new ArrayList<>();
        int bytes = 0;
        boolean removed = false;
        long next = offset;
        long end = Math.min(max, offset + MAX_SCANNED_ENTRIES);
        for (; next < end && found.size() < maxCount; next++) {
            ConsumeQueueEntry entry = queue.entryAt(next);
            if (entry == null || entry.isHole() || !filter.accepts(entry.tagsCode())) {
                continue;
            }
            if (!found.isEmpty() && bytes + entry.size() > maxBytes) {
                break;
            }
            byte[] record = commitLog.read(entry.physicalOffset(), entry.size());
            if (record == null) {
                removed = true;
                continue;
            }
            ByteBuffer buffer = ByteBuffer.wrap(record);
            found.add(new StoredMessage(entry.physicalOffset(), next, RecordCodec.storeTimestampOf(buffer), buffer));
            bytes += entry.size();
        }
        GetStatus status = !found.isEmpty() ? GetStatus.FOUND
                : removed ? GetStatus.MESSAGE_WAS_REMOVING : GetStatus.NO_MATCHED_MESSAGE;
        return new GetResult(status, next, min, max, List.copyOf(found));
    }

    long offsetByTimestamp(String topic, int queueId, long timestamp, BoundaryType boundary) {
        ConsumeQueue queue = queues.find(topic, queueId);
        if (queue == null) {
            return 0;
        }
        long low = queue.minOffset();
        long high = queue.maxOffset();
        if (boundary == BoundaryType.LOWER) {
            while (low < high) {
                long middle = (low + high) >>> 1;
                if (storeTimeAt(queue, middle) < timestamp) {
                    low = middle + 1;
                } else {
                    high = middle;
                }
            }
            return low;
        }
        long min = low;
        while (low < high) {
            long middle = (low + high) >>> 1;
            if (storeTimeAt(queue, middle) <= timestamp) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return Math.max(min, low - 1);
    }

    long earliestStoreTime(String topic, int queueId) {
        ConsumeQueue queue = queues.find(topic, queueId);
        if (queue == null) {
            return -1;
        }
        for (long offset = queue.minOffset(); offset < queue.maxOffset(); offset++) {
            long time = storeTimeAt(queue, offset);
            if (time >= 0) {
                return time;
            }
        }
        return -1;
    }

    /** Store time at an offset; a missing record (hole, removed) is -1, older than everything. */
    private long storeTimeAt(ConsumeQueue queue, long offset) {
        ConsumeQueueEntry entry = queue.entryAt(offset);
        byte[] record = entry == null || entry.isHole() ? null : commitLog.read(entry.physicalOffset(),
                entry.size());
        return record == null ? -1 : RecordCodec.storeTimestampOf(ByteBuffer.wrap(record));
    }
}
