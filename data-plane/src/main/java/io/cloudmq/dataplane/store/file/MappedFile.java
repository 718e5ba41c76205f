package io.cloudmq.dataplane.store.file;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * One fixed-size store file mapped into memory, named by its start offset ({@link StoreFileNames}).
 *
 * <p>The file is created sparse at its full size and never pre-touched as a whole (a {@link FaultAhead}
 * may read a bounded window just ahead of the writer). Bytes are appended at the
 * write position; readers only see bytes below the published write position, so a reader never
 * observes a half-written append. The first four bytes of every append (a record's length field) are
 * written last, after a release fence: after a process kill, a non-zero length at a position means the
 * whole append behind it reached the page cache.
 *
 * <p>Threading: one appending thread (the owner's writer), any number of reading threads, and any
 * number of flushing threads (the flushed position only grows). Deleting the file does not unmap it; the mapping is released by the
 * garbage collector, so a concurrent reader never touches unmapped memory.
 */
public final class MappedFile {
    /** Zeros that a tail is compared with, 64 KB. Read-only, shared. */
    private static final ByteBuffer ZERO_BLOCK = ByteBuffer.allocate(64 * 1024).asReadOnlyBuffer();

    private final Path path;
    private final long startOffset;
    private final int fileSize;
    private final MappedByteBuffer buffer;
    private final AtomicInteger writePosition = new AtomicInteger();
    private final AtomicInteger flushedPosition = new AtomicInteger();

    private MappedFile(Path path, long startOffset, int fileSize, MappedByteBuffer buffer) {
        this.path = path;
        this.startOffset = startOffset;
        this.fileSize = fileSize;
        this.buffer = buffer;
    }

    /** Opens {@code path} (created sparse if absent) with exactly {@code fileSize} bytes mapped. */
    public static MappedFile open(Path path, int fileSize) throws IOException {
        long startOffset = StoreFileNames.startOffsetOf(path.getFileName().toString());
        try (FileChannel channel = FileChannel.open(
                path, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            long existing = channel.size();
            if (existing != 0 && existing != fileSize) {
                throw new IOException("store file " + path + " has size " + existing + ", expected " + fileSize);
            }
            MappedByteBuffer mapped = channel.map(FileChannel.MapMode.READ_WRITE, 0, fileSize);
            return new MappedFile(path, startOffset, fileSize, mapped);
        }
    }

    public Path path() {
        return path;
    }

    public long startOffset() {
        return startOffset;
    }

    public int fileSize() {
        return fileSize;
    }

    /** Position after the last published byte. */
    public int writePosition() {
        return writePosition.get();
    }

    /** Position up to which bytes are known to be on disk. */
    public int flushedPosition() {
        return flushedPosition.get();
    }

    public int remaining() {
        return fileSize - writePosition.get();
    }

    public boolean isFull() {
        return writePosition.get() == fileSize;
    }

    /**
     * Appends all bytes of {@code src} at the write position, writing its first four bytes last, and
     * publishes them. Writer thread only.
     *
     * @throws IllegalStateException if the bytes do not fit, which the caller must have checked
     */
    public void append(ByteBuffer src) {
        int length = src.remaining();
        int position = writePosition.get();
        if (length > fileSize - position) {
            throw new IllegalStateException("append of " + length + " bytes overflows " + path);
        }
        ByteBuffer target = buffer.duplicate();
        if (length > Integer.BYTES) {
            target.position(position + Integer.BYTES);
            target.put(src.duplicate().position(src.position() + Integer.BYTES));
            VarHandle.releaseFence();
        }
        for (int i = 0; i < Math.min(length, Integer.BYTES); i++) {
            target.put(position + i, src.get(src.position() + i));
        }
        writePosition.set(position + length);
    }

    /** A copy of {@code length} published bytes starting at {@code position}, or {@code null} if not published. */
    public byte @Nullable [] readOrNull(int position, int length) {
        if (position < 0 || length < 0 || position + length > writePosition.get()) {
            return null;
        }
        byte[] copy = new byte[length];
        buffer.duplicate().get(position, copy);
        return copy;
    }

    /**
     * Reads the pages of {@code [position, position + length)} into the page cache and maps them,
     * without writing anything ({@link MappedByteBuffer#load}).
     */
    public void load(int position, int length) {
        buffer.slice(position, length).load();
    }

    /** A read-only view of the whole mapping, including unpublished bytes; for recovery scans and readers that check bounds. */
    public ByteBuffer view() {
        return buffer.asReadOnlyBuffer();
    }

    /**
     * Forces the published bytes not yet flushed to disk (only that range, not the whole mapping).
     *
     * @return the write position that the completed fsync covers
     */
    public int flush() throws IOException {
        int target = writePosition.get();
        int flushed = flushedPosition.get();
        if (target > flushed) {
            try {
                buffer.force(flushed, target - flushed);
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
            flushedPosition.accumulateAndGet(target, Math::max);
        }
        return target;
    }

    /** Forces every dirty page of the whole mapping, also behind the write position (after a truncation). */
    public void forceAll() throws IOException {
        try {
            buffer.force();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /**
     * Sets the write position after a recovery that found the end of the records at {@code position} with only
     * zeros behind it (a clean shutdown: every append and every {@link #truncateTo} keeps the bytes behind the
     * write position zero). Unlike {@link #truncateTo} it reads nothing, which matters for a large file's
     * unwritten tail. Not for use while appending.
     */
    public void resumeAt(int position) {
        writePosition.set(position);
        flushedPosition.set(Math.min(flushedPosition.get(), position));
    }

    /**
     * Sets the write position after recovery and zeroes every non-zero byte behind it, so a later scan
     * never mistakes a torn tail for records. Zero pages are only read, never dirtied: the tail is compared
     * with zeros a block at a time ({@link ByteBuffer#mismatch}, vectorised), and only a block that differs is
     * walked and cleared. Not for use while appending.
     */
    public void truncateTo(int position) {
        ByteBuffer target = buffer.duplicate();
        for (int from = position; from < fileSize; from += ZERO_BLOCK.capacity()) {
            int to = Math.min(from + ZERO_BLOCK.capacity(), fileSize);
            if (!allZero(from, to)) {
                clearNonZeroBytes(target, from, to);
            }
        }
        resumeAt(position);
    }

    /**
     * Sets the write position after recovery of a file of fixed-size slots that are written in order and never
     * all zero once written (a consume queue's entries): the position after the last slot holding a non-zero
     * byte. Everything behind it is zero by construction (bytes of a partial slot at the end of the file are
     * cleared), so unlike {@link #truncateTo} the tail is read once, backwards, a block at a time, and nothing
     * after the last written slot is read twice.
     *
     * @return the new write position, a multiple of {@code slotSize}
     */
    public int recoverSlotEnd(int slotSize) {
        int limit = fileSize - fileSize % slotSize;
        clearNonZeroBytes(buffer.duplicate(), limit, fileSize);
        int to = limit;
        while (to > 0) {
            int from = Math.max(0, to - ZERO_BLOCK.capacity());
            if (!allZero(from, to)) {
                break;
            }
            to = from;
        }
        while (to > 0 && buffer.get(to - 1) == 0) {
            to--;
        }
        int end = (to + slotSize - 1) / slotSize * slotSize;
        resumeAt(end);
        return end;
    }

    /** Whether every byte of {@code [from, to)} is zero; at most one {@link #ZERO_BLOCK} long. */
    private boolean allZero(int from, int to) {
        return buffer.slice(from, to - from).mismatch(ZERO_BLOCK.slice(0, to - from)) == -1;
    }

    private static void clearNonZeroBytes(ByteBuffer target, int from, int to) {
        int i = from;
        for (; i < to && i % Long.BYTES != 0; i++) {
            target.put(i, (byte) 0);
        }
        for (; i + Long.BYTES <= to; i += Long.BYTES) {
            if (target.getLong(i) != 0) {
                target.putLong(i, 0);
            }
        }
        for (; i < to; i++) {
            target.put(i, (byte) 0);
        }
    }

    /** Marks the whole file as written (a sealed file found at start-up). */
    public void markFull() {
        writePosition.set(fileSize);
        flushedPosition.set(fileSize);
    }

    /** Deletes the file from disk; the mapping itself is released by the garbage collector. */
    public void delete() throws IOException {
        Files.deleteIfExists(path);
    }
}
