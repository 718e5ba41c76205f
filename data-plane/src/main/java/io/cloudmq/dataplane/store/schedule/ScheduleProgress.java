package io.cloudmq.dataplane.store.schedule;

import io.cloudmq.dataplane.store.file.StateFile;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Per level, the next {@code SCHEDULE_TOPIC_XXXX} queue offset to deliver, kept in a {@link StateFile}
 * (replaced atomically). Big-endian:
 *
 * <pre>
 * | offset | size  | field                                   |
 * |--------|-------|-----------------------------------------|
 * | 0      | 4     | number of levels n                      |
 * | 4      | 8 · n | next offset of level 1, 2, ..., n       |
 * </pre>
 *
 * A file with fewer levels than configured leaves the missing levels at 0.
 *
 * <p>Threading: changed and persisted by one thread at a time (the schedule service's, or a slave's
 * {@link ReplicatedScheduleProgress} under its lock); {@link #next} and {@link #table} may be read from any
 * thread.
 */
final class ScheduleProgress {
    private final StateFile file;
    private final AtomicLongArray nextOffsets;

    private ScheduleProgress(StateFile file, AtomicLongArray nextOffsets) {
        this.file = file;
        this.nextOffsets = nextOffsets;
    }

    static ScheduleProgress load(StateFile file, int levels) throws IOException {
        AtomicLongArray offsets = new AtomicLongArray(levels);
        byte[] content = file.read().orElse(new byte[Integer.BYTES]);
        ByteBuffer buffer = ByteBuffer.wrap(content);
        int stored = buffer.getInt();
        for (int level = 0; level < Math.min(stored, levels); level++) {
            offsets.set(level, buffer.getLong());
        }
        return new ScheduleProgress(file, offsets);
    }

    /** Next offset of a 1-based level. */
    long next(int level) {
        return nextOffsets.get(level - 1);
    }

    void advance(int level, long nextOffset) {
        nextOffsets.set(level - 1, nextOffset);
    }

    /** Next offset by 1-based level, every configured level. */
    Map<Integer, Long> table() {
        Map<Integer, Long> table = new TreeMap<>();
        for (int level = 1; level <= nextOffsets.length(); level++) {
            table.put(level, next(level));
        }
        return table;
    }

    void persist() throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(Integer.BYTES + Long.BYTES * nextOffsets.length());
        buffer.putInt(nextOffsets.length());
        for (int level = 1; level <= nextOffsets.length(); level++) {
            buffer.putLong(next(level));
        }
        file.write(buffer.array());
    }
}
