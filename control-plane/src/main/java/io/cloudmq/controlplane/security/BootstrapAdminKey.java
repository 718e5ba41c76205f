package io.cloudmq.controlplane.security;

import io.cloudmq.controlplane.shared.config.CloudMqProperties;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * At start, when no admin key exists: creates one, writes its token to {@code <data-dir>/bootstrap-admin.key}
 * (mode 0600, created with that mode so it is never readable by others) and logs it once.
 */
@Component
@Order(10)
class BootstrapAdminKey implements ApplicationRunner {
    static final String FILE_NAME = "bootstrap-admin.key";
    private static final Logger log = LoggerFactory.getLogger(BootstrapAdminKey.class);

    private final ApiKeyService keys;
    private final Path file;

    BootstrapAdminKey(ApiKeyService keys, CloudMqProperties properties) {
        this.keys = keys;
        this.file = properties.dataDir().resolve(FILE_NAME);
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        var token = keys.createBootstrapAdminIfNone();
        if (token.isEmpty()) {
            return;
        }
        write(token.get());
        log.info("Created the bootstrap admin API key (shown once, also in {}): {}",
                file.toAbsolutePath(), token.get());
    }

    private void write(String token) throws IOException {
        Files.createDirectories(file.getParent() == null ? Path.of(".") : file.getParent());
        Files.deleteIfExists(file);
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException notPosix) {
            Files.createFile(file);
        }
        Files.writeString(file, token + "\n", StandardCharsets.US_ASCII, StandardOpenOption.TRUNCATE_EXISTING);
    }
}
