package io.cloudmq.controlplane.credential;

import io.cloudmq.controlplane.cluster.ClusterProperties;
import io.cloudmq.controlplane.shared.config.CloudMqProperties;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * At start, after the configured cluster is registered: creates its operator credential if it has none and
 * writes it, the only time, to {@code <data-dir>/operator.credential} (mode 0600 from creation):
 *
 * <pre>
 * accessKey=&lt;20 characters&gt;
 * secretKey=&lt;40 characters&gt;
 * </pre>
 *
 * The log names the AccessKey and the file, never the secret.
 */
@Component
@Order(5)
class OperatorCredentialBootstrap implements ApplicationRunner {
    static final String FILE_NAME = "operator.credential";
    private static final Logger log = LoggerFactory.getLogger(OperatorCredentialBootstrap.class);

    private final OperatorCredentialService operators;
    private final String clusterId;
    private final Path file;

    OperatorCredentialBootstrap(
            OperatorCredentialService operators, ClusterProperties cluster, CloudMqProperties cloudmq) {
        this.operators = operators;
        this.clusterId = cluster.id();
        this.file = cloudmq.dataDir().resolve(FILE_NAME);
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        var created = operators.createIfAbsent(clusterId);
        if (created.isEmpty()) {
            return;
        }
        OperatorSecret credential = created.get();
        Path temp = OwnerOnlyFiles.writeTempFor(
                file, "accessKey=" + credential.accessKey() + "\nsecretKey=" + credential.secretKey() + "\n");
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        log.info("Created operator credential {} of cluster {}; its secret is in {} (written once)",
                credential.accessKey(), clusterId, file.toAbsolutePath());
    }
}
