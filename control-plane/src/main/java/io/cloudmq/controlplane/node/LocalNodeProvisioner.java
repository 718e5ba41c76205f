package io.cloudmq.controlplane.node;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The standalone deployment's provisioner: a version's runtime is the jar
 * {@code <data-dir>/runtime/<version>/cloudmq-node.jar} (see {@link NodeRuntimeArtifact}). Stateless.
 */
final class LocalNodeProvisioner implements NodeProvisioner {
    private final Path dataDir;

    LocalNodeProvisioner(Path dataDir) {
        this.dataDir = dataDir;
    }

    @Override
    public boolean hasRuntime(String version) {
        return Files.isRegularFile(NodeRuntimeArtifact.installedJar(dataDir, version));
    }
}
