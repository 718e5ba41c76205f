package io.cloudmq.controlplane.node;

import io.cloudmq.api.node.NodeClassArchive;
import io.cloudmq.api.node.NodeRole;
import io.cloudmq.controlplane.cluster.BrokerGroupRoles;
import io.cloudmq.controlplane.cluster.ReplicationInSync;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;

/**
 * Standalone mode's local cluster: extracts the node runtime, writes each node's {@code node.properties}
 * (a master takes its group's configured role, {@link BrokerGroupRoles}, and names its slaves, {@code slave.addr},
 * so every start of a SYNC_MASTER waits for a slave in sync before it opens writes; slaves replicate from their
 * group's master: {@code master.addr}; a {@code single_node} cluster's groups have no slave; every broker gets the
 * cluster's in-sync limits, {@link ReplicationInSync}), registers the nodes with the registry and supervises them
 * as child JVMs.
 *
 * <p>Fencing: the configuration is rewritten before every (re)start from the group's leadership
 * ({@link BrokerGroupLeadership}). After a failover the promoted node starts as the master in the group's
 * epoch, and the deposed master, restarted after its crash, starts as a SLAVE of the new master with the
 * current {@code broker.epoch} (it truncates to the common point of the epoch histories and catches up). The
 * registry gets the same current broker ids at every start.
 *
 * <p>Every node JVM of a runtime maps its classes from the runtime's class-data archive, made on the runtime's
 * first use ({@link NodeClassArchive}).
 *
 * <p>Starts once the application is ready and the cluster row exists (an {@link ApplicationRunner} ordered
 * after the cluster registration); stops the nodes (brokers in parallel, then name servers) when the
 * context closes, before the registry's database goes away, since this bean depends on it.
 */
class LocalClusterLauncher implements ApplicationRunner, DisposableBean, Ordered {
    private static final Logger log = LoggerFactory.getLogger(LocalClusterLauncher.class);
    /** After the cluster registration (order 0) and the bootstrap admin key (order 10). */
    static final int ORDER = 20;

    private final LocalClusterProperties properties;
    private final Path dataDir;
    private final String clusterId;
    private final BrokerGroupRoles roles;
    private final ReplicationInSync inSync;
    private final NodeToken nodeToken;
    private final NodeService registry;
    private final BrokerGroupLeadership leadership;
    private final Clock clock;
    private final ScheduledExecutorService restarts = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "node-restarts");
        thread.setDaemon(true);
        return thread;
    });
    private final Map<NodeSpec, NodeProcessSupervisor> supervisors = new LinkedHashMap<>();

    LocalClusterLauncher(LocalClusterProperties properties, Path dataDir, String clusterId, BrokerGroupRoles roles,
            ReplicationInSync inSync, NodeToken nodeToken, NodeService registry, BrokerGroupLeadership leadership,
            Clock clock) {
        this.properties = properties;
        this.dataDir = dataDir.toAbsolutePath();
        this.clusterId = clusterId;
        this.roles = roles;
        this.inSync = inSync;
        this.nodeToken = nodeToken;
        this.registry = registry;
        this.leadership = leadership;
        this.clock = clock;
    }

    @Override
    public synchronized void run(ApplicationArguments args) {
        NodeRuntimeArtifact runtime = NodeRuntimeArtifact.extractBundled(dataDir);
        LocalClusterLayout layout = LocalClusterLayout.forPortBase(properties.portBase(), roles.withSlaves());
        for (NodeSpec node : layout.nodes()) {
            Path nodeDir = dataDir.resolve(node.nodeId());
            Path config = writeConfig(node, nodeDir, layout);
            BrokerPlacement placement = placementOf(node, layout);
            registry.register(clusterId, node.registration(placement == null ? null : placement.brokerId()));
            NodeProcessSupervisor supervisor = new NodeProcessSupervisor(node.nodeId(), command(runtime.jar(), config),
                    () -> writeConfig(node, nodeDir, layout), nodeDir, restarts, properties, clock);
            supervisors.put(node, supervisor);
            supervisor.start();
        }
    }

    /**
     * Restarts {@code nodeId} from {@code <data-dir>/runtime/<version>/cloudmq-node.jar} (see
     * {@link NodeRuntimeArtifact#installedJar}); restarts after later crashes keep that runtime.
     */
    NodeRestart restart(String nodeId, String version) {
        Path jar = NodeRuntimeArtifact.installedJar(dataDir, version);
        if (!Files.isRegularFile(jar)) {
            return new NodeRestart(List.of(), null, "runtime " + version + " is not installed at " + jar);
        }
        NodeProcessSupervisor supervisor = supervisorOf(nodeId);
        if (supervisor == null) {
            return new NodeRestart(List.of(), null, nodeId + " is not a node of this local cluster");
        }
        Path config = configOf(nodeId);
        Long pid = supervisor.restartWith(command(jar, config), successorCommand(jar, config));
        return pid == null
                ? new NodeRestart(List.of(NodeRestart.Phase.STOPPED), null, "the launch failed; it is retried")
                : new NodeRestart(List.of(NodeRestart.Phase.STOPPED, NodeRestart.Phase.LAUNCHED), pid,
                        "started from " + jar);
    }

    /**
     * Starts a hot successor of {@code nodeId} from the runtime of {@code version} and waits until it is warm
     * (see {@link NodeProcessSupervisor#prepareSuccessor}).
     *
     * @return whether a warm successor waits; false if the runtime or the node is unknown or it did not warm up
     */
    boolean prepareRestart(String nodeId, String version) {
        Path jar = NodeRuntimeArtifact.installedJar(dataDir, version);
        NodeProcessSupervisor supervisor = supervisorOf(nodeId);
        if (!Files.isRegularFile(jar) || supervisor == null) {
            return false;
        }
        Path config = configOf(nodeId);
        return supervisor.prepareSuccessor(command(jar, config), successorCommand(jar, config));
    }

    /** The configuration file the launcher writes for {@code nodeId} before every start. */
    private Path configOf(String nodeId) {
        return dataDir.resolve(nodeId).resolve("node.properties");
    }

    /** Stops the successor {@link #prepareRestart} started for {@code nodeId}, if it did not take over. */
    void discardPreparedRestart(String nodeId) {
        NodeProcessSupervisor supervisor = supervisorOf(nodeId);
        if (supervisor != null) {
            supervisor.discardSuccessor();
        }
    }

    private synchronized @Nullable NodeProcessSupervisor supervisorOf(String nodeId) {
        return supervisors.entrySet().stream()
                .filter(entry -> entry.getKey().nodeId().equals(nodeId))
                .map(Map.Entry::getValue)
                .findFirst()
                .orElse(null);
    }

    @Override
    public synchronized void destroy() {
        // Brokers first (in parallel), name servers last: brokers unregister from running name servers.
        stopAll(NodeRole.BROKER);
        stopAll(NodeRole.NAMESRV);
        supervisors.clear();
        restarts.shutdownNow();
    }

    @Override
    public int getOrder() {
        return ORDER;
    }

    private void stopAll(NodeRole role) {
        supervisors.entrySet().parallelStream()
                .filter(entry -> entry.getKey().role() == role)
                .forEach(entry -> entry.getValue().stop());
    }

    private List<String> command(Path jar, Path config) {
        return command(jar, List.of("--config", config.toString()));
    }

    /** The command of a hot successor: it waits for the running process to stop before it starts. */
    private List<String> successorCommand(Path jar, Path config) {
        return command(jar, List.of("--successor", "--config", config.toString()));
    }

    private List<String> command(Path jar, List<String> arguments) {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> jvmOptions = List.of("-Xmx" + properties.nodeHeap(), "-XX:+UseSerialGC");
        List<String> command = new ArrayList<>(List.of(java));
        command.addAll(jvmOptions);
        command.addAll(classArchiveOptions(java, jar, jvmOptions));
        command.addAll(List.of("-jar", jar.toString()));
        command.addAll(arguments);
        return List.copyOf(command);
    }

    /** Makes the runtime's class-data archive on its first use; the options that let a node map its classes. */
    private static List<String> classArchiveOptions(String java, Path jar, List<String> jvmOptions) {
        try {
            NodeClassArchive.Prepared archive = NodeClassArchive.prepare(java, jar, jvmOptions);
            switch (archive.status()) {
                case MADE -> log.info(archive.outcome());
                case NONE -> log.warn("nodes start without a class-data archive: {}", archive.outcome());
                case UP_TO_DATE -> log.debug(archive.outcome());
            }
            return archive.jvmOptions();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return List.of();
        }
    }

    /** How a broker starts given its group's recorded leadership; {@code null} for a name server. */
    private @Nullable BrokerPlacement placementOf(NodeSpec node, LocalClusterLayout layout) {
        String brokerName = node.brokerName();
        return brokerName == null ? null
                : BrokerPlacement.of(node, layout, roles.roleOf(brokerName),
                        leadership.leaderOf(clusterId, brokerName));
    }

    /** Writes {@code node}'s {@code node.properties} into {@code nodeDir} (atomically) and returns its path. */
    Path writeConfig(NodeSpec node, Path nodeDir, LocalClusterLayout layout) {
        Properties config = new Properties();
        config.setProperty("role", node.role().name().toLowerCase(Locale.ROOT));
        config.setProperty("node.id", node.nodeId());
        config.setProperty("cluster", clusterId);
        config.setProperty("data.dir", nodeDir.toString());
        config.setProperty("listen.port", Integer.toString(node.remotingPort()));
        config.setProperty("admin.port", Integer.toString(node.adminPort()));
        config.setProperty("advertised.host", NodeSpec.HOST);
        config.setProperty("admin.token", nodeToken.value());
        config.setProperty("parent.watch", "true");
        BrokerPlacement placement = placementOf(node, layout);
        if (placement != null) {
            config.setProperty("broker.name", Objects.requireNonNull(node.brokerName()));
            config.setProperty("namesrv.addr", layout.nameServerAddresses());
            config.setProperty("broker.id", Integer.toString(placement.brokerId()));
            config.setProperty("broker.role", placement.role());
            config.setProperty("broker.epoch", Long.toString(placement.epoch()));
            if (placement.masterAddress() != null) {
                config.setProperty("master.addr", placement.masterAddress());
            }
            if (!placement.slaveAddresses().isEmpty()) {
                config.setProperty("slave.addr", String.join(";", placement.slaveAddresses()));
            }
            inSync.nodeProperties().forEach(config::setProperty);
        }
        Path file = nodeDir.resolve("node.properties");
        try {
            Files.createDirectories(nodeDir);
            Path temp = Files.createTempFile(nodeDir, "node.properties", ".tmp");
            try (Writer out = Files.newBufferedWriter(temp)) {
                config.store(out, "Written by the CloudMQ control plane at every start; edits are overwritten");
            }
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
    }
}
