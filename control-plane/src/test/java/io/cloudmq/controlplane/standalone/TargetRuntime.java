package io.cloudmq.controlplane.standalone;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarInputStream;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/** Installs an upgrade target for a standalone data directory's rolling upgrade. */
final class TargetRuntime {
    private TargetRuntime() {}

    /**
     * Copies the runtime {@code <data-dir>/runtime/<from>/cloudmq-node.jar} to {@code runtime/<target>/} with
     * {@code target} as its manifest {@code Implementation-Version}: another artifact that reports another version.
     */
    static void install(Path dataDir, String from, String target) throws IOException {
        Path source = dataDir.resolve("runtime").resolve(from).resolve("cloudmq-node.jar");
        Path copy = dataDir.resolve("runtime").resolve(target).resolve("cloudmq-node.jar");
        Files.createDirectories(copy.getParent());
        try (InputStream in = Files.newInputStream(source); JarInputStream jar = new JarInputStream(in)) {
            Manifest manifest = new Manifest(jar.getManifest());
            manifest.getMainAttributes().putValue("Implementation-Version", target);
            try (OutputStream out = Files.newOutputStream(copy);
                    JarOutputStream written = new JarOutputStream(out, manifest)) {
                for (JarEntry entry = jar.getNextJarEntry(); entry != null; entry = jar.getNextJarEntry()) {
                    written.putNextEntry(new JarEntry(entry.getName()));
                    jar.transferTo(written);
                    written.closeEntry();
                }
            }
        }
    }
}
