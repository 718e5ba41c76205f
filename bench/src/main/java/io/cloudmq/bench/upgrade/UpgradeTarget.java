package io.cloudmq.bench.upgrade;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/**
 * An upgrade target for a standalone data directory: the running node runtime
 * ({@code runtime/<version>/cloudmq-node.jar}) copied to {@code runtime/<target>/} with its manifest's
 * {@code Implementation-Version} rewritten in place (zip file system), so the nodes started from it report
 * {@code target}.
 *
 * <p>Threading: stateless, safe from any thread.
 */
final class UpgradeTarget {
    private static final String NODE_JAR = "cloudmq-node.jar";

    private UpgradeTarget() {}

    /** Installs {@code target} beside {@code version} in {@code dataDir}; answers the new jar. */
    static Path install(Path dataDir, String version, String target) throws IOException {
        Path runtimes = dataDir.resolve("runtime");
        Path jar = runtimes.resolve(target).resolve(NODE_JAR);
        Files.createDirectories(jar.getParent());
        Files.copy(runtimes.resolve(version).resolve(NODE_JAR), jar, StandardCopyOption.REPLACE_EXISTING);
        try (FileSystem zip = FileSystems.newFileSystem(URI.create("jar:" + jar.toUri()), Map.of())) {
            Path manifestEntry = zip.getPath(JarFile.MANIFEST_NAME);
            Manifest manifest;
            try (InputStream in = Files.newInputStream(manifestEntry)) {
                manifest = new Manifest(in);
            }
            manifest.getMainAttributes().put(Attributes.Name.IMPLEMENTATION_VERSION, target);
            try (OutputStream out = Files.newOutputStream(manifestEntry)) {
                manifest.write(out);
            }
        }
        return jar;
    }
}
