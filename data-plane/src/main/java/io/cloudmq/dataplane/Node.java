package io.cloudmq.dataplane;

import io.cloudmq.dataplane.admin.NodeIdentity;
import io.cloudmq.dataplane.config.NodeConfig;
import io.cloudmq.dataplane.config.NodeConfigLoader.LoadedNodeConfig;
import io.cloudmq.dataplane.lifecycle.NodeRuntime;
import java.io.IOException;
import java.nio.file.Files;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one node from a valid configuration until it is told to stop: JVM shutdown (SIGTERM), or EOF on
 * stdin when {@code parent.watch} is on. Called once, on the main thread.
 */
final class Node {
    private static final Logger log = LoggerFactory.getLogger(Node.class);

    private Node() {}

    /** Starts the node and blocks until it has stopped; {@code false} if it could not start. */
    static boolean run(LoadedNodeConfig loaded) {
        NodeConfig config = loaded.config();
        NodeIdentity identity = NodeIdentity.current();
        log.info("Starting {} node {} of cluster {}, version {}, pid {}, data in {}", config.role(), config.nodeId(),
                config.cluster(), identity.version(), identity.pid(), config.dataDir());
        if (!loaded.unknownKeys().isEmpty()) {
            log.warn("Ignoring unknown configuration keys {}", loaded.unknownKeys());
        }
        NodeRuntime runtime;
        try {
            Files.createDirectories(config.dataDir());
            runtime = new NodeRuntime(NodeServices.assemble(config, identity));
            runtime.closeOnJvmShutdown();
            if (config.parentWatch()) {
                runtime.closeWhenParentGone(System.in);
            }
            runtime.start();
        } catch (IOException | RuntimeException e) {
            log.error("Node {} failed to start", config.nodeId(), e);
            return false;
        }
        log.info("Node {} is up: admin API on port {}", config.nodeId(), config.adminPort());
        try {
            runtime.awaitClosed();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            runtime.close();
        }
        log.info("Node {} stopped", config.nodeId());
        return true;
    }
}
