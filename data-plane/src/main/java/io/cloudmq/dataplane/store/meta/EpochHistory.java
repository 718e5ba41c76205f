package io.cloudmq.dataplane.store.meta;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.zip.CRC32;

/**
 * The epoch history file {@code epoch}: which commit-log offset each leadership term started at.
 * Replication and failover use it to find where a replica's log diverges. Appended and fsynced on
 * every role change; entries are fixed-size, big-endian:
 *
 * <pre>
 * | offset | size | field                                   |
 * |--------|------|-----------------------------------------|
 * | 0      | 8    | epoch                                   |
 * | 8      | 8    | start offset in the commit log           |
 * | 16     | 4    | CRC32 of bytes 0..15                     |
 * </pre>
 *
 * A torn or corrupt last entry (a crash during an append) is dropped when the file is opened; since
 * every append is fsynced before the role change takes effect, a dropped entry was never acted on.
 *
 * <p>Threading: all methods are synchronized.
 */
public final class EpochHistory implements AutoCloseable {
    /** The file name inside the store root. */
    public static final String FILE_NAME = "epoch";
    static final int ENTRY_SIZE = 20;

    private final FileChannel channel;
    private final List<EpochEntry> entries;

    private EpochHistory(FileChannel channel, List<EpochEntry> entries) {
        this.channel = channel;
        this.entries = entries;
    }

    /** Opens (or creates) the history in {@code root}, dropping a torn tail. */
    public static EpochHistory open(Path root) throws IOException {
        Path path = root.resolve(FILE_NAME);
        Files.createDirectories(root);
        FileChannel channel = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        List<EpochEntry> entries = new ArrayList<>();
        ByteBuffer entry = ByteBuffer.allocate(ENTRY_SIZE);
        long position = 0;
        while (position + ENTRY_SIZE <= channel.size()) {
            entry.clear();
            channel.read(entry, position);
            entry.flip();
            if (crcOf(entry) != entry.getInt(16)) {
                break;
            }
            entries.add(new EpochEntry(entry.getLong(0), entry.getLong(8)));
            position += ENTRY_SIZE;
        }
        if (position != channel.size()) {
            channel.truncate(position);
            channel.force(true);
        }
        return new EpochHistory(channel, entries);
    }

    /**
     * Appends a term and fsyncs it.
     *
     * @throws IllegalArgumentException if the epoch does not increase or the offset decreases
     */
    public synchronized void append(long epoch, long startOffset) throws IOException {
        Optional<EpochEntry> last = last();
        if (last.isPresent() && (epoch <= last.get().epoch() || startOffset < last.get().startOffset())) {
            throw new IllegalArgumentException("epoch " + epoch + "@" + startOffset + " does not follow " + last.get());
        }
        ByteBuffer entry = ByteBuffer.allocate(ENTRY_SIZE);
        entry.putLong(epoch).putLong(startOffset);
        entry.putInt(crcOf(entry.duplicate().flip()));
        entry.flip();
        long position = (long) entries.size() * ENTRY_SIZE;
        while (entry.hasRemaining()) {
            position += channel.write(entry, position);
        }
        channel.force(true);
        entries.add(new EpochEntry(epoch, startOffset));
    }

    /**
     * Drops every term that starts at or after {@code offset} (the log is cut there) and fsyncs the
     * shortened file.
     */
    public synchronized void truncateFrom(long offset) throws IOException {
        int kept = 0;
        while (kept < entries.size() && entries.get(kept).startOffset() < offset) {
            kept++;
        }
        if (kept == entries.size()) {
            return;
        }
        channel.truncate((long) kept * ENTRY_SIZE);
        channel.force(true);
        entries.subList(kept, entries.size()).clear();
    }

    public synchronized List<EpochEntry> entries() {
        return List.copyOf(entries);
    }

    public synchronized Optional<EpochEntry> last() {
        return entries.isEmpty() ? Optional.empty() : Optional.of(entries.get(entries.size() - 1));
    }

    @Override
    public synchronized void close() throws IOException {
        channel.close();
    }

    private static int crcOf(ByteBuffer entry) {
        CRC32 crc = new CRC32();
        crc.update(entry.duplicate().position(0).limit(16));
        return (int) crc.getValue();
    }
}
