package io.cloudmq.dataplane.store.index;

import io.cloudmq.dataplane.store.file.StoreFileNames;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One hash-index file under {@code <root>/index/}, named by the physical offset of its first indexed
 * record. A fixed slot table maps a key hash to the newest entry with that hash; entries chain to the
 * previous entry of the same slot, so a lookup walks newest to oldest. Big-endian:
 *
 * <pre>
 * | offset              | size          | field                                                   |
 * |---------------------|---------------|---------------------------------------------------------|
 * | 0                   | 4             | entry count                                             |
 * | 4                   | 4             | slot count                                              |
 * | 8                   | 4             | entry capacity                                          |
 * | 12                  | 4             | reserved (0)                                            |
 * | 16                  | 8             | first indexed physical offset                           |
 * | 24                  | 8             | end: physical offset after the last indexed record      |
 * | 32                  | 4 * slots     | slot: number of the newest entry (1-based), 0 = empty   |
 * | 32 + 4 * slots      | 16 * capacity | entry: key hash 4, physical offset 8, previous entry 4  |
 * </pre>
 *
 * Entries are appended in physical-offset order. The file is derived data and not checksummed: after a
 * crash, {@link #rollBackTo} drops entries past the index checkpoint and relinks the slot table. A crash
 * between mapping a new file and writing its header leaves zeros there; {@link #open} reports such a file
 * as unusable, and the index drops it and re-indexes its records from the commit log.
 *
 * <p>Threading: one writer (store writer or recovery); readers may run concurrently and read the entry
 * count before following slots, so they never follow an unpublished entry.
 */
final class IndexFile {
    private static final int HEADER_SIZE = 32;
    private static final int ENTRY_SIZE = 16;

    private final Path path;
    private final MappedByteBuffer buffer;
    private final int slots;
    private final int capacity;
    private volatile int count;
    private volatile long endOffset;

    private IndexFile(Path path, MappedByteBuffer buffer) {
        this.path = path;
        this.buffer = buffer;
        this.count = buffer.getInt(0);
        this.slots = buffer.getInt(4);
        this.capacity = buffer.getInt(8);
        this.endOffset = buffer.getLong(24);
    }

    static IndexFile create(Path directory, long firstOffset, int slots, int capacity) throws IOException {
        Path path = directory.resolve(StoreFileNames.of(firstOffset));
        MappedByteBuffer buffer = map(path, sizeOf(slots, capacity));
        buffer.putInt(0, 0).putInt(4, slots).putInt(8, capacity).putLong(16, firstOffset).putLong(24, firstOffset);
        return new IndexFile(path, buffer);
    }

    /** Maps an existing file; empty if its header does not describe its size (a half-created file). */
    static Optional<IndexFile> open(Path path) throws IOException {
        long size = Files.size(path);
        if (size < HEADER_SIZE) {
            return Optional.empty();
        }
        IndexFile file = new IndexFile(path, map(path, size));
        boolean valid = file.slots > 0 && file.capacity > 0 && file.count >= 0 && file.count <= file.capacity
                && size == sizeOf(file.slots, file.capacity);
        return valid ? Optional.of(file) : Optional.empty();
    }

    long firstOffset() {
        return buffer.getLong(16);
    }

    long endOffset() {
        return endOffset;
    }

    Path path() {
        return path;
    }

    boolean hasRoomFor(int entries) {
        return count + entries <= capacity;
    }

    /** Adds an entry for {@code hash} pointing at {@code physicalOffset}; the caller checked the room. */
    void add(int hash, long physicalOffset) {
        int number = count + 1;
        int slotPosition = slotPosition(hash);
        int entryPosition = entryPosition(number);
        buffer.putInt(entryPosition, hash).putLong(entryPosition + 4, physicalOffset)
                .putInt(entryPosition + 12, buffer.getInt(slotPosition));
        buffer.putInt(slotPosition, number);
        buffer.putInt(0, number);
        count = number;
    }

    /** Marks every record below {@code offset} as indexed. */
    void markIndexedUpTo(long offset) {
        buffer.putLong(24, offset);
        endOffset = offset;
    }

    /** Physical offsets of entries with {@code hash}, newest first, at most {@code max}. */
    List<Long> find(int hash, int max) {
        int published = count;
        List<Long> found = new ArrayList<>();
        ByteBuffer view = buffer.duplicate();
        int number = view.getInt(slotPosition(hash));
        while (number > 0 && found.size() < max) {
            int entryPosition = entryPosition(number);
            if (number <= published && view.getInt(entryPosition) == hash) {
                found.add(view.getLong(entryPosition + 4));
            }
            number = view.getInt(entryPosition + 12);
        }
        return found;
    }

    /** Drops entries at or beyond {@code offset} and rebuilds the slot chains of the rest. */
    void rollBackTo(long offset) {
        if (count == 0 || buffer.getLong(entryPosition(count) + 4) < offset) {
            // every entry stays (a clean restart): the slots are right as they are
            markIndexedUpTo(Math.min(endOffset, offset));
            return;
        }
        int kept = 0;
        while (kept < count && buffer.getLong(entryPosition(kept + 1) + 4) < offset) {
            kept++;
        }
        for (int slot = 0; slot < slots; slot++) {
            buffer.putInt(HEADER_SIZE + 4 * slot, 0);
        }
        for (int number = 1; number <= kept; number++) {
            int entryPosition = entryPosition(number);
            int slotPosition = slotPosition(buffer.getInt(entryPosition));
            buffer.putInt(entryPosition + 12, buffer.getInt(slotPosition));
            buffer.putInt(slotPosition, number);
        }
        buffer.putInt(0, kept);
        count = kept;
        markIndexedUpTo(Math.min(endOffset, offset));
    }

    void flush() throws IOException {
        try {
            buffer.force();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private static long sizeOf(int slots, int capacity) {
        return HEADER_SIZE + 4L * slots + (long) ENTRY_SIZE * capacity;
    }

    private int slotPosition(int hash) {
        return HEADER_SIZE + 4 * Math.floorMod(hash, slots);
    }

    private int entryPosition(int number) {
        return HEADER_SIZE + 4 * slots + ENTRY_SIZE * (number - 1);
    }

    private static MappedByteBuffer map(Path path, long size) throws IOException {
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE)) {
            return channel.map(FileChannel.MapMode.READ_WRITE, 0, size);
        }
    }
}
