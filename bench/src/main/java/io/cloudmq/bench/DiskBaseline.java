package io.cloudmq.bench;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Raw limits of the disk under a directory: sequential write bandwidth (1 MiB blocks, one fsync at the
 * end, timed including it), the same amount stored through a memory mapping of a fresh sparse file in
 * 1 KiB pieces (the store's write path without any store work), and the fsync rate of one writer doing
 * 4 KiB appends.
 *
 * <p>Threading: single-threaded.
 */
final class DiskBaseline {
    private static final int BLOCK = 1 << 20;
    private static final int SMALL_WRITE = 4096;
    private static final long PREALLOCATED_SIZE = 256L << 20;

    private DiskBaseline() {}

    /** Bytes per second of writing {@code bytes} sequentially and forcing them once. */
    static double sequentialWriteBytesPerSecond(Path directory, long bytes) throws IOException {
        Path file = directory.resolve("raw-sequential.dat");
        ByteBuffer block = ByteBuffer.allocateDirect(BLOCK);
        while (block.hasRemaining()) {
            block.put((byte) 'x');
        }
        long started = System.nanoTime();
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            for (long written = 0; written < bytes; written += BLOCK) {
                block.clear();
                while (block.hasRemaining()) {
                    channel.write(block);
                }
            }
            channel.force(false);
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        Files.delete(file);
        return bytes / seconds;
    }

    /**
     * Bytes per second of storing {@code bytes} in {@code pieceSize} pieces through a read-write mapping
     * of a new sparse file, then forcing the mapping once: what writing the commit log costs before
     * any store logic (page-cache allocation and zeroing, one write fault per page, writeback).
     */
    static double mappedWriteBytesPerSecond(Path directory, int bytes, int pieceSize) throws IOException {
        Path file = directory.resolve("raw-mapped.dat");
        byte[] piece = new byte[pieceSize];
        long started = System.nanoTime();
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.READ,
                StandardOpenOption.WRITE)) {
            MappedByteBuffer mapped = channel.map(FileChannel.MapMode.READ_WRITE, 0, bytes);
            while (mapped.remaining() >= pieceSize) {
                mapped.put(piece);
            }
            mapped.force();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        Files.delete(file);
        return bytes / seconds;
    }

    /**
     * Completed write+fsync pairs per second for 4 KiB sequential writes by one writer during
     * {@code seconds}. With {@code preallocated} the file is sized up front (as the store's mapped files
     * are), so an fsync writes data only; otherwise every write grows the file and the fsync also
     * commits the new size.
     */
    static double fsyncsPerSecond(Path directory, double seconds, boolean preallocated) throws IOException {
        Path file = directory.resolve("raw-fsync.dat");
        ByteBuffer page = ByteBuffer.allocateDirect(SMALL_WRITE);
        long count = 0;
        double elapsed;
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.READ,
                StandardOpenOption.WRITE)) {
            if (preallocated) {
                fill(channel, PREALLOCATED_SIZE);
            }
            long started = System.nanoTime();
            long deadline = started + (long) (seconds * 1e9);
            while (System.nanoTime() < deadline) {
                page.clear();
                channel.write(page, (count * SMALL_WRITE) % PREALLOCATED_SIZE);
                channel.force(false);
                count++;
            }
            elapsed = (System.nanoTime() - started) / 1e9;
        }
        Files.delete(file);
        return count / elapsed;
    }

    private static void fill(FileChannel channel, long size) throws IOException {
        ByteBuffer block = ByteBuffer.allocateDirect(BLOCK);
        for (long written = 0; written < size; written += BLOCK) {
            block.clear();
            channel.write(block, written);
        }
        channel.force(true);
    }
}
