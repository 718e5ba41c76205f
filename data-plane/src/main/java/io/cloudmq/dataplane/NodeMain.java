package io.cloudmq.dataplane;

import io.cloudmq.api.node.NodeClassArchive;
import io.cloudmq.dataplane.admin.NodeIdentity;
import io.cloudmq.dataplane.config.InvalidNodeConfigException;
import io.cloudmq.dataplane.config.NodeConfig;
import io.cloudmq.dataplane.config.NodeConfigLoader;
import io.cloudmq.dataplane.config.NodeConfigLoader.LoadedNodeConfig;
import io.cloudmq.dataplane.lifecycle.ClassPreloader;
import io.cloudmq.dataplane.lifecycle.NodeLock;
import io.cloudmq.dataplane.lifecycle.SuccessorStart;
import java.io.IOException;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * Entry point of a data-plane node: {@code java -jar cloudmq-node.jar [--successor] [--config <node.properties>]},
 * keys as in {@link NodeConfigLoader}; {@code java -jar cloudmq-node.jar --train-class-archive} is the training run
 * of the node's class-data archive ({@link NodeClassArchive}): it loads every class of the jar and exits. With {@value #SUCCESSOR_FLAG} the process is a hot successor: it warms
 * up and waits until the process running on the same data directory has stopped ({@link SuccessorStart}), then
 * reads the configuration and starts. Exit codes: {@value #EXIT_STOPPED} after a clean shutdown,
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
    static final String SUCCESSOR_FLAG = "--successor";

    private NodeMain() {}

    public static void main(String[] args) {
        if (args.length == 1 && args[0].equals(NodeClassArchive.TRAINING_FLAG)) {
            trainClassArchive();
            return;
        }
        boolean successor = args.length > 0 && args[0].equals(SUCCESSOR_FLAG);
        String[] configArgs = successor ? Arrays.copyOfRange(args, 1, args.length) : args;
        LoadedNodeConfig loaded = loadOrExit(configArgs);
        System.setProperty(LOG_DIR_PROPERTY, loaded.config().logDir().toString());
        @Nullable NodeLock lock = null;
        if (successor) {
            try {
                NodeConfig config = loaded.config();
                lock = SuccessorStart.warmUpAndAwait(config.dataDir(), NodeMain.class,
                        () -> NodeWarmUp.run(config, NodeIdentity.current()), System.in, config.parentWatch());
            } catch (IOException e) {
                System.err.println("cloudmq-node: the successor could not take over: " + e);
                System.exit(EXIT_FAILED);
                return;
            }
            // the launcher rewrites the configuration before every start: read what holds now
            loaded = loadOrExit(configArgs);
        }
        System.exit(Node.run(loaded, lock) ? EXIT_STOPPED : EXIT_FAILED);
    }

    /** Loads every class of the node jar and exits, for the JVM to archive them (see {@link NodeClassArchive}). */
    private static void trainClassArchive() {
        try {
            ClassPreloader.preload(NodeMain.class, false);
            System.exit(EXIT_STOPPED);
        } catch (IOException e) {
            System.err.println("cloudmq-node: class-data archive training failed: " + e);
            System.exit(EXIT_FAILED);
        }
    }

    private static LoadedNodeConfig loadOrExit(String[] args) {
        try {
            return NodeConfigLoader.load(args, System.getenv());
        } catch (InvalidNodeConfigException e) {
            String indent = System.lineSeparator() + "  ";
            System.err.println("cloudmq-node: invalid configuration:" + indent + String.join(indent, e.problems()));
            System.exit(EXIT_INVALID_CONFIG);
            throw new IllegalStateException("unreachable");
        }
    }
}
