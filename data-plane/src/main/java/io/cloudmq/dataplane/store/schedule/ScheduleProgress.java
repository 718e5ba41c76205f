package io.cloudmq.dataplane.store.schedule;

import io.cloudmq.dataplane.store.file.StateFile;
import java.io.IOException;
import java.nio.ByteBuffer;
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
 * <p>Threading: advanced and persisted by the schedule service's thread only; {@link #next} may be read from any
 * thread (the offsets are atomic).
 */
final class ScheduleProgress {
    private final StateFile file;
    private final AtomicLongArray nextOffsets;

    private ScheduleProgress(StateFile file, AtomicLongArray nextOffsets) {
        this.file = file;
        this.nextOffsets = nextOffsets;
    }

    static ScheduleProgress load(StateFile file, int levels) throws IOException {
        long[] offsets = new long[levels];
        byte[] content = file.read().orElse(new byte[Integer.BYTES]);
        ByteBuffer buffer = ByteBuffer.wrap(content);
        int stored = buffer.getInt();
        for (int level = 0; level < Math.min(stored, levels); level++) {
            offsets[level] = buffer.getLong();
        }
        return new ScheduleProgress(file, new AtomicLongArray(offsets));
    }

    /** Next offset of a 1-based level. */
    long next(int level) {
        return nextOffsets.get(level - 1);
    }

    void advance(int level, long nextOffset) {
        nextOffsets.set(level - 1, nextOffset);
    }

    void persist() throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(Integer.BYTES + Long.BYTES * nextOffsets.length());
        buffer.putInt(nextOffsets.length());
        for (int level = 0; level < nextOffsets.length(); level++) {
            buffer.putLong(nextOffsets.get(level));
        }
        file.write(buffer.array());
    }
}
