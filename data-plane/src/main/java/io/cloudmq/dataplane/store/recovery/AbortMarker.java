package io.cloudmq.dataplane.store.recovery;

import io.cloudmq.dataplane.store.file.StateFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The empty file {@code abort} in the store root: created (and its directory fsynced) when a store
 * opens, deleted after a clean shutdown has flushed everything. Found at start, it means the last run
 * did not shut down cleanly, and recovery validates the log tail.
 *
 * <p>Threading: not thread-safe; used by the store's open and close only.
 */
public final class AbortMarker {
    /** The file name inside the store root. */
    public static final String FILE_NAME = "abort";

    private final Path path;

    public AbortMarker(Path root) {
        this.path = root.resolve(FILE_NAME);
    }

    public boolean exists() {
        return Files.exists(path);
    }

    /** Creates the marker durably. */
    public void create() throws IOException {
        if (!Files.exists(path)) {
            Files.createFile(path);
        }
        StateFile.syncDirectory(path.getParent());
    }

    /** Deletes the marker durably; only after everything is flushed. */
    public void delete() throws IOException {
        Files.deleteIfExists(path);
        StateFile.syncDirectory(path.getParent());
    }
}
