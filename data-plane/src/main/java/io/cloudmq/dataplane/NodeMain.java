package io.cloudmq.dataplane;

import io.cloudmq.dataplane.config.InvalidNodeConfigException;
import io.cloudmq.dataplane.config.NodeConfigLoader;
import io.cloudmq.dataplane.config.NodeConfigLoader.LoadedNodeConfig;

/**
 * Entry point of a data-plane node: {@code java -jar cloudmq-node.jar [--config <node.properties>]}, keys
 * as in {@link NodeConfigLoader}. Exit codes: {@value #EXIT_STOPPED} after a clean shutdown,
 * {@value #EXIT_FAILED} when the node failed to start, {@value #EXIT_INVALID_CONFIG} when the configuration
 * is missing or invalid (the problems are printed on stderr, one per line).
 *
 * <p>No logger here: logging is configured from {@code data.dir}, so it may start only after the
 * configuration has been read (system property {@value #LOG_DIR_PROPERTY}, read by {@code logback.xml}).
 */
public final class NodeMain {
    static final int EXIT_STOPPED = 0;
    static final int EXIT_FAILED = 1;
    static final int EXIT_INVALID_CONFIG = 2;
    static final String LOG_DIR_PROPERTY = "cloudmq.log.dir";

    private NodeMain() {}

    public static void main(String[] args) {
        LoadedNodeConfig loaded;
        try {
            loaded = NodeConfigLoader.load(args, System.getenv());
        } catch (InvalidNodeConfigException e) {
            String indent = System.lineSeparator() + "  ";
            System.err.println("cloudmq-node: invalid configuration:" + indent + String.join(indent, e.problems()));
            System.exit(EXIT_INVALID_CONFIG);
            return;
        }
        System.setProperty(LOG_DIR_PROPERTY, loaded.config().logDir().toString());
        System.exit(Node.run(loaded) ? EXIT_STOPPED : EXIT_FAILED);
    }
}
