package io.cloudmq.dataplane.store.recovery;

import io.cloudmq.dataplane.store.file.StateFile;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Optional;
import java.util.zip.CRC32;

/**
 * How far each structure of the store is known to be durable, in commit-log offsets. Written
 * atomically ({@link StateFile}) to {@code checkpoint} after the structures it describes were
 * flushed; big-endian:
 *
 * <pre>
 * | offset | size | field                                                           |
 * |--------|------|-----------------------------------------------------------------|
 * | 0      | 4    | format version (1)                                              |
 * | 4      | 8    | commit log: every byte below is fsynced                         |
 * | 12     | 8    | consume queues: entries of every record below are fsynced       |
 * | 20     | 8    | index: entries of every record below are fsynced                |
 * | 28     | 8    | store time of the newest record when written, ms                |
 * | 36     | 4    | CRC32 of bytes 0..35                                            |
 * </pre>
 *
 * @param commitLogOffset flushed commit-log offset
 * @param consumeQueueOffset commit-log offset up to which consume queues are flushed
 * @param indexOffset commit-log offset up to which the index is flushed
 * @param lastStoreTimestamp store time of the newest record when the checkpoint was taken; at least
 *     the store time of the record before {@code commitLogOffset} (retention ages the active file by it)
 */
public record Checkpoint(long commitLogOffset, long consumeQueueOffset, long indexOffset, long lastStoreTimestamp) {
    /** The file name inside the store root. */
    public static final String FILE_NAME = "checkpoint";
    private static final int VERSION = 1;
    private static final int SIZE = 40;

    /** The offset before which every structure is durable. */
    public long minOffset() {
        return Math.min(commitLogOffset, Math.min(consumeQueueOffset, indexOffset));
    }

    /** Writes this checkpoint into {@code root}. */
    public void writeTo(Path root) throws IOException {
        ByteBuffer bytes = ByteBuffer.allocate(SIZE);
        bytes.putInt(VERSION).putLong(commitLogOffset).putLong(consumeQueueOffset).putLong(indexOffset)
                .putLong(lastStoreTimestamp);
        bytes.putInt(crcOf(bytes.array()));
        new StateFile(root.resolve(FILE_NAME)).write(bytes.array());
    }

    /**
     * The checkpoint of {@code root}, or empty for a new store.
     *
     * @throws IOException if the file exists but is damaged (atomic writes make that a disk fault)
     */
    public static Optional<Checkpoint> readFrom(Path root) throws IOException {
        Optional<byte[]> content = new StateFile(root.resolve(FILE_NAME)).read();
        if (content.isEmpty()) {
            return Optional.empty();
        }
        ByteBuffer bytes = ByteBuffer.wrap(content.get());
        if (bytes.capacity() != SIZE || bytes.getInt(0) != VERSION || bytes.getInt(36) != crcOf(content.get())) {
            throw new IOException("damaged checkpoint in " + root);
        }
        return Optional.of(new Checkpoint(bytes.getLong(4), bytes.getLong(12), bytes.getLong(20), bytes.getLong(28)));
    }

    private static int crcOf(byte[] bytes) {
        CRC32 crc = new CRC32();
        crc.update(bytes, 0, 36);
        return (int) crc.getValue();
    }
}
