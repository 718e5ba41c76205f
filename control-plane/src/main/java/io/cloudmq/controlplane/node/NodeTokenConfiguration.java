package io.cloudmq.controlplane.node;

import io.cloudmq.controlplane.cluster.ClusterProperties;
import io.cloudmq.controlplane.shared.config.CloudMqProperties;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Provides the cluster's {@link NodeToken}: the configured one, else the one kept in the data directory. */
@Configuration(proxyBeanMethods = false)
class NodeTokenConfiguration {
    private static final int TOKEN_BYTES = 32;

    @Bean
    NodeToken nodeToken(ClusterProperties cluster, CloudMqProperties cloudmq) {
        if (!cluster.nodeToken().isBlank()) {
            return new NodeToken(cluster.nodeToken());
        }
        return new NodeToken(loadOrCreate(cloudmq.dataDir().resolve("node.token")));
    }

    private static String loadOrCreate(Path file) {
        try {
            if (Files.exists(file)) {
                return Files.readString(file).trim();
            }
            Files.createDirectories(file.getParent());
            byte[] secret = new byte[TOKEN_BYTES];
            new SecureRandom().nextBytes(secret);
            String token = HexFormat.of().formatHex(secret);
            Path temp = Files.createTempFile(file.getParent(), "node.token", ".tmp",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(temp, token);
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
            return token;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the node token " + file, e);
        }
    }
}
