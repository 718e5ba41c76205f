package io.cloudmq.dataplane.store.file;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * A small state file (checkpoint, consumer offsets, topic configs, {@code store.meta}) replaced
 * atomically: the new content goes to {@code <name>.tmp}, is fsynced, renamed over the old file, and
 * the directory is fsynced. A crash at any point leaves either the complete old or the complete new
 * content under the file's name; a stale {@code .tmp} is ignored and overwritten by the next write.
 *
 * <p>Threading: stateless; concurrent writers of the same file must be serialised by the caller.
 */
public final class StateFile {
    private final Path path;

    public StateFile(Path path) {
        this.path = path;
    }

    public Path path() {
        return path;
    }

    /** Replaces the file's content with {@code content}, durably and atomically. */
    public void write(byte[] content) throws IOException {
        Path directory = path.toAbsolutePath().getParent();
        Files.createDirectories(directory);
        Path temp = directory.resolve(path.getFileName() + ".tmp");
        try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer buffer = ByteBuffer.wrap(content);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(true);
        }
        Files.move(temp, path, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        syncDirectory(directory);
    }

    /** The current content, or empty if the file has never been written. */
    public Optional<byte[]> read() throws IOException {
        return Files.exists(path) ? Optional.of(Files.readAllBytes(path)) : Optional.empty();
    }

    /** Fsyncs a directory so that a create, rename or delete in it survives a crash. */
    public static void syncDirectory(Path directory) throws IOException {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        }
    }
}
