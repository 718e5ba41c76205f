package io.cloudmq.controlplane.credential;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Writes secrets to files readable by the owner only (mode 0600 from creation, never wider for a moment).
 * Thread-safe (stateless).
 */
final class OwnerOnlyFiles {
    private OwnerOnlyFiles() {}

    /** A new temporary file next to {@code target} holding {@code text}; the caller moves or links it. */
    static Path writeTempFor(Path target, String text) throws IOException {
        Path directory = target.toAbsolutePath().getParent();
        Files.createDirectories(directory);
        Path temp = Files.createTempFile(directory, target.getFileName().toString(), ".tmp",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(temp, text, StandardCharsets.US_ASCII);
        return temp;
    }
}
