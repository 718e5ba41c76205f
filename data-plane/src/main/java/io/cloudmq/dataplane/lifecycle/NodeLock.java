package io.cloudmq.dataplane.lifecycle;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * One process's ownership of a node's data directory: an exclusive operating-system lock on
 * {@code <data.dir>/node.lock} (an empty file; only the lock matters). The operating system releases it when
 * the process ends, however it ends, so a crashed node never leaves a stale lock behind. A node takes it before
 * it opens its store and releases it once every service is closed; a hot successor
 * ({@link SuccessorStart}) blocks on it and so starts the moment its predecessor let go.
 *
 * <p>Not thread-safe; one instance per process.
 */
public final class NodeLock implements AutoCloseable {
    static final String FILE = "node.lock";

    private final FileChannel channel;
    private final FileLock lock;

    private NodeLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Takes the lock at once.
     *
     * @throws IOException if another process holds it (that process is still using the data directory)
     */
    public static NodeLock acquire(Path dataDir) throws IOException {
        FileChannel channel = open(dataDir);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
        if (lock == null) {
            channel.close();
            throw new IOException("data directory " + dataDir + " is in use by another node process (it holds "
                    + dataDir.resolve(FILE) + ")");
        }
        return new NodeLock(channel, lock);
    }

    /** Takes the lock, blocking until the process holding it releases it or ends. */
    public static NodeLock await(Path dataDir) throws IOException {
        FileChannel channel = open(dataDir);
        try {
            return new NodeLock(channel, channel.lock());
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    @Override
    public void close() throws IOException {
        try {
            lock.release();
        } finally {
            channel.close();
        }
    }

    private static FileChannel open(Path dataDir) throws IOException {
        return FileChannel.open(dataDir.resolve(FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    }
}
