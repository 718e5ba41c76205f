package io.cloudmq.controlplane.node;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.jar.JarInputStream;
import java.util.jar.Manifest;

/**
 * The node jar the control-plane jar carries as the resource {@code runtime/cloudmq-node.jar}, extracted to
 * {@code <data-dir>/runtime/<version>/cloudmq-node.jar}. The version is the jar's own
 * {@code Implementation-Version}, so a runtime of another version (an upgrade target) sits beside it.
 */
record NodeRuntimeArtifact(String version, Path jar) {
    static final String RESOURCE = "runtime/cloudmq-node.jar";
    private static final String JAR_NAME = "cloudmq-node.jar";

    /** Extracts the bundled node jar unless that version is already extracted. */
    static NodeRuntimeArtifact extractBundled(Path dataDir) {
        try {
            String version = bundledVersion();
            Path jar = installedJar(dataDir, version);
            if (!Files.exists(jar) || version.endsWith("-SNAPSHOT")) {
                // Snapshot builds reuse one version, so they are refreshed unless unchanged: an unchanged jar
                // keeps its modification time, and with it its class-data archive (NodeClassArchive).
                Files.createDirectories(jar.getParent());
                Path temp = Files.createTempFile(jar.getParent(), JAR_NAME, ".tmp");
                try (InputStream in = openResource()) {
                    Files.copy(in, temp, StandardCopyOption.REPLACE_EXISTING);
                }
                if (Files.exists(jar) && Files.mismatch(temp, jar) == -1) {
                    Files.delete(temp);
                } else {
                    Files.move(temp, jar, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                }
            }
            return new NodeRuntimeArtifact(version, jar);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot extract the node runtime into " + dataDir, e);
        }
    }

    /** Where the runtime of {@code version} lives under {@code dataDir}, installed or not. */
    static Path installedJar(Path dataDir, String version) {
        return dataDir.resolve("runtime").resolve(version).resolve(JAR_NAME);
    }

    private static String bundledVersion() throws IOException {
        try (JarInputStream jar = new JarInputStream(openResource())) {
            Manifest manifest = jar.getManifest();
            String version = manifest == null ? null : manifest.getMainAttributes().getValue("Implementation-Version");
            if (version == null || version.isBlank()) {
                throw new IllegalStateException("The bundled node jar has no Implementation-Version");
            }
            return version;
        }
    }

    private static InputStream openResource() {
        InputStream in = NodeRuntimeArtifact.class.getClassLoader().getResourceAsStream(RESOURCE);
        if (in == null) {
            throw new IllegalStateException("The node runtime " + RESOURCE + " is missing from the control-plane jar");
        }
        return in;
    }
}
