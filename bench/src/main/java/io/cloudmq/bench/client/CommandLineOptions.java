package io.cloudmq.bench.client;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * A benchmark's command line: {@code --name=value} arguments, each name one of a known set.
 *
 * <p>Threading: stateless, safe from any thread.
 */
public final class CommandLineOptions {
    private CommandLineOptions() {}

    /** The values by name; fails on an argument that is not {@code --name=value} with a name of {@code names}. */
    public static Map<String, String> parse(String[] args, Set<String> names) {
        Map<String, String> values = new HashMap<>();
        for (String arg : args) {
            int equals = arg.indexOf('=');
            String name = arg.startsWith("--") && equals > 2 ? arg.substring(2, equals) : "";
            if (!names.contains(name)) {
                throw new IllegalArgumentException("unknown option " + arg + "; options: --" + String.join("=, --",
                        names) + "=");
            }
            values.put(name, arg.substring(equals + 1));
        }
        return values;
    }

    /** Creates a run's {@code --dir} with its parents; fails if it exists (a run never writes into an old one). */
    public static Path createRunDirectory(Path dir) throws IOException {
        Files.createDirectories(dir.getParent());
        return Files.createDirectory(dir);
    }
}
