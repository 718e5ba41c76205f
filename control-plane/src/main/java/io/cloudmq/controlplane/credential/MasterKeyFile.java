package io.cloudmq.controlplane.credential;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The master key kept in a file when none is configured: {@link MasterKey} text form plus a newline, mode
 * 0600. Created once, never replaced: the new key is written to a private temporary file and hard-linked to
 * the final name, which fails if another process created it first (then that key is used). Losing the file
 * makes every stored SecretKey unreadable. Thread-safe (stateless).
 */
final class MasterKeyFile {
    static final String FILE_NAME = "master.key";
    private static final Logger log = LoggerFactory.getLogger(MasterKeyFile.class);

    private MasterKeyFile() {}

    /** The key in {@code file}, generating the file first if it does not exist. */
    static MasterKey loadOrCreate(Path file, SecureRandom random) {
        try {
            if (!Files.exists(file)) {
                create(file, MasterKey.generate(random));
            }
            return MasterKey.parse(Files.readString(file, StandardCharsets.US_ASCII), "Master key file " + file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the master key file " + file, e);
        }
    }

    private static void create(Path file, MasterKey key) throws IOException {
        Path temp = OwnerOnlyFiles.writeTempFor(file, key.base64() + "\n");
        try {
            Files.createLink(file, temp);
            log.info("Generated the credential master key into {}; back it up, stored SecretKeys need it",
                    file.toAbsolutePath());
        } catch (FileAlreadyExistsException createdConcurrently) {
            log.info("Master key file {} was created concurrently; using it", file.toAbsolutePath());
        } finally {
            Files.delete(temp);
        }
    }
}
