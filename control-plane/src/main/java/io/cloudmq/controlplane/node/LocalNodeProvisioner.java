package io.cloudmq.controlplane.node;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The standalone deployment's provisioner: a version's runtime is the jar
 * {@code <data-dir>/runtime/<version>/cloudmq-node.jar} (see {@link NodeRuntimeArtifact}); restarts go to the
 * {@link LocalClusterLauncher}'s supervisors. Thread-safe.
 */
final class LocalNodeProvisioner implements NodeProvisioner {
    private final Path dataDir;
    private final LocalClusterLauncher launcher;

    LocalNodeProvisioner(Path dataDir, LocalClusterLauncher launcher) {
        this.dataDir = dataDir;
        this.launcher = launcher;
    }

    @Override
    public boolean hasRuntime(String version) {
        return Files.isRegularFile(NodeRuntimeArtifact.installedJar(dataDir, version));
    }

    @Override
    public NodeRestart restart(String nodeId, String version) {
        return launcher.restart(nodeId, version);
    }

    @Override
    public boolean prepareRestart(String nodeId, String version) {
        return launcher.prepareRestart(nodeId, version);
    }

    @Override
    public void discardPreparedRestart(String nodeId) {
        launcher.discardPreparedRestart(nodeId);
    }
}
