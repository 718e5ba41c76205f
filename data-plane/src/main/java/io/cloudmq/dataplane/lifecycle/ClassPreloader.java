package io.cloudmq.dataplane.lifecycle;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.jspecify.annotations.Nullable;

/**
 * Loads every class of the jar a node runs from: a hot successor so pays for reading, defining and verifying
 * them before it takes over instead of after, and the training run of the node's class-data archive
 * ({@link io.cloudmq.api.node.NodeClassArchive}) so puts them all in the archive. On request CloudMQ's own classes
 * are also initialised (their static state is loggers and constants); libraries' classes are only loaded, since
 * initialising a class whose optional dependencies are absent would leave it unusable. Classes that cannot be
 * loaded (optional dependencies missing) are skipped. Stateless.
 */
public final class ClassPreloader {
    private static final String OWN_PACKAGE = "io.cloudmq.";

    private ClassPreloader() {}

    /** What {@link #preload} did. */
    public record Preloaded(int loaded, int skipped, long millis) {}

    /**
     * Preloads the classes of the jar {@code anchor} was loaded from; nothing if it was not loaded from a jar.
     *
     * @param initialiseOwn whether CloudMQ's classes are initialised too (which configures logging)
     */
    public static Preloaded preload(Class<?> anchor, boolean initialiseOwn) throws IOException {
        long started = System.nanoTime();
        Path source = codeSource(anchor);
        int loaded = 0;
        int skipped = 0;
        if (source != null && Files.isRegularFile(source)) {
            ClassLoader loader = anchor.getClassLoader();
            try (JarFile jar = new JarFile(source.toFile())) {
                for (Enumeration<JarEntry> entries = jar.entries(); entries.hasMoreElements(); ) {
                    String className = classNameOf(entries.nextElement().getName());
                    if (className == null) {
                        continue;
                    }
                    try {
                        Class.forName(className, initialiseOwn && className.startsWith(OWN_PACKAGE), loader);
                        loaded++;
                    } catch (LinkageError | ClassNotFoundException e) {
                        skipped++;
                    }
                }
            }
        }
        return new Preloaded(loaded, skipped, (System.nanoTime() - started) / 1_000_000);
    }

    /** The binary name of a class file entry; null for anything else (resources, module and multi-release files). */
    private static @Nullable String classNameOf(String entry) {
        if (!entry.endsWith(".class") || entry.startsWith("META-INF/") || entry.endsWith("module-info.class")
                || entry.endsWith("package-info.class")) {
            return null;
        }
        return entry.substring(0, entry.length() - ".class".length()).replace('/', '.');
    }

    private static @Nullable Path codeSource(Class<?> anchor) {
        try {
            return Path.of(anchor.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException | RuntimeException e) {
            return null;
        }
    }
}
