package io.cloudmq.dataplane;

import io.cloudmq.dataplane.admin.NodeIdentity;
import io.cloudmq.dataplane.config.NodeConfig;
import io.cloudmq.dataplane.config.NodeConfigLoader.LoadedNodeConfig;
import io.cloudmq.dataplane.lifecycle.NodeLock;
import io.cloudmq.dataplane.lifecycle.NodeRuntime;
import io.cloudmq.dataplane.lifecycle.StopRequest;
import java.io.IOException;
import java.nio.file.Files;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one node from a valid configuration until it is told to stop: JVM shutdown (SIGTERM), EOF on
 * stdin when {@code parent.watch} is on, or a service's {@link StopRequest} (a broker that drained). Called once, on the main thread.
 */
final class Node {
    private static final Logger log = LoggerFactory.getLogger(Node.class);

    private Node() {}

    /**
     * Starts the node and blocks until it has stopped; {@code false} if it could not start. The node holds its
     * data directory's {@link NodeLock} throughout and releases it once every service is closed.
     *
     * @param taken the lock, if taken already (a successor waited for it); otherwise it is taken here
     */
    static boolean run(LoadedNodeConfig loaded, @Nullable NodeLock taken) {
        NodeConfig config = loaded.config();
        NodeIdentity identity = NodeIdentity.current();
        log.info("Starting {} node {} of cluster {}, version {}, pid {}, data in {}", config.role(), config.nodeId(),
                config.cluster(), identity.version(), identity.pid(), config.dataDir());
        if (!loaded.unknownKeys().isEmpty()) {
            log.warn("Ignoring unknown configuration keys {}", loaded.unknownKeys());
        }
        NodeRuntime runtime;
        NodeLock lock = taken;
        try {
            Files.createDirectories(config.dataDir());
            if (lock == null) {
                lock = NodeLock.acquire(config.dataDir());
            }
            StopRequest stop = new StopRequest();
            runtime = new NodeRuntime(NodeServices.assemble(config, identity, stop));
            runtime.closeOnJvmShutdown();
            runtime.closeWhenRequested(stop);
            if (config.parentWatch()) {
                runtime.closeWhenParentGone(System.in);
            }
            runtime.start();
        } catch (IOException | RuntimeException e) {
            log.error("Node {} failed to start", config.nodeId(), e);
            release(lock);
            return false;
        }
        log.info("Node {} is up: admin API on port {}", config.nodeId(), config.adminPort());
        try {
            runtime.awaitClosed();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            runtime.close();
        }
        release(lock);
        log.info("Node {} stopped", config.nodeId());
        return true;
    }

    private static void release(@Nullable NodeLock lock) {
        if (lock == null) {
            return;
        }
        try {
            lock.close();
        } catch (IOException e) {
            log.warn("releasing the data directory lock failed; it is released when the process exits", e);
        }
    }
}
