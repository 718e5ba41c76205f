package io.cloudmq.dataplane.store.retention;

import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Measures how full the disk holding a directory is.
 *
 * <p>Threading: called from the retention thread; implementations must be thread-safe.
 */
@FunctionalInterface
public interface DiskUsageProbe {
    /** The file system's own numbers. */
    DiskUsageProbe FILE_STORE = directory -> {
        FileStore store = Files.getFileStore(directory);
        return 1.0 - (double) store.getUsableSpace() / store.getTotalSpace();
    };

    /** Used fraction of the disk, 0.0 to 1.0. */
    double usedRatio(Path directory) throws IOException;
}
