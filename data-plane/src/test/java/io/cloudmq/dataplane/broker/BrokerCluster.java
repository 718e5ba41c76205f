package io.cloudmq.dataplane.broker;

import static org.awaitility.Awaitility.await;

import io.cloudmq.api.node.DesiredCredential;
import io.cloudmq.api.node.DesiredGroup;
import io.cloudmq.api.node.DesiredState;
import io.cloudmq.api.node.DesiredTopic;
import io.cloudmq.dataplane.AdminHttp;
import io.cloudmq.dataplane.NodeProcess;
import io.cloudmq.dataplane.TestCredentials;
import io.cloudmq.dataplane.config.NodeJson;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.rocketmq.client.impl.MQClientAPIImpl;
import org.apache.rocketmq.client.producer.DefaultMQProducer;

/**
 * One name server and one broker master ({@code broker-a}, id 0) as child node processes, optionally with
 * slaves replicating from it, with the desired state pushed through {@code PUT /admin/v1/desired-state} the
 * way the control plane pushes it, to the name server and every broker. Topics, groups and tenant
 * credentials accumulate: every push carries all of them and the operator credential ({@link TestCredentials})
 * with the next generation; the first push happens at start, so the broker registers (signed) before any test
 * runs. The shared cluster's master is an {@code ASYNC_MASTER}: it has no slave, and a {@code SYNC_MASTER}
 * without one answers every send with {@code SLAVE_NOT_AVAILABLE}. Thread-safe.
 */
final class BrokerCluster implements AutoCloseable {
    static final String BROKER_NAME = "broker-a";
    static final int MAX_MESSAGE_SIZE = 4 * 1024 * 1024;
    private static final AtomicInteger NAMES = new AtomicInteger();

    private final Path dir;
    private final NodeProcess nameServer;
    private final int nameServerPort;
    private final Map<String, String> brokerProperties;
    private final int nameServerAdminPort;
    private final int brokerAdminPort;
    private NodeProcess broker;
    private final List<NodeProcess> slaves = new ArrayList<>();
    private final List<Integer> slaveAdminPorts = new ArrayList<>();
    private final List<Path> slaveDataDirs = new ArrayList<>();
    private final List<DesiredTopic> topics = new ArrayList<>();
    private final List<DesiredGroup> groups = new ArrayList<>();
    private final List<DesiredCredential> credentials = new ArrayList<>();
    private long generation;

    private BrokerCluster(Path dir, NodeProcess nameServer, int nameServerPort, int nameServerAdminPort,
            Map<String, String> brokerProperties, int brokerAdminPort, NodeProcess broker) {
        this.dir = dir;
        this.nameServer = nameServer;
        this.nameServerPort = nameServerPort;
        this.nameServerAdminPort = nameServerAdminPort;
        this.brokerProperties = brokerProperties;
        this.brokerAdminPort = brokerAdminPort;
        this.broker = broker;
    }

    /** Starts a name server and an ASYNC_MASTER broker under {@code dir} and waits until both answer health. */
    static BrokerCluster start(Path dir) throws Exception {
        return start(dir, "ASYNC_MASTER");
    }

    /** Starts a name server and a master of {@code role} under {@code dir} and waits until both answer health. */
    static BrokerCluster start(Path dir, String role) throws Exception {
        return start(dir, role, Map.of());
    }

    /** {@link #start(Path, String)} with further broker settings (node properties such as {@code store.flush.mode}). */
    static BrokerCluster start(Path dir, String role, Map<String, String> brokerSettings) throws Exception {
        int nameServerPort = AdminHttp.freePort();
        int nameServerAdmin = AdminHttp.freePort();
        Path nameServerDir = Files.createDirectories(dir.resolve("namesrv"));
        NodeProcess nameServer = NodeProcess.start(nameServerDir, Map.of(
                "role", "namesrv",
                "node.id", "namesrv-0",
                "data.dir", nameServerDir.resolve("data").toString(),
                "listen.port", Integer.toString(nameServerPort),
                "admin.port", Integer.toString(nameServerAdmin),
                "admin.token", NodeProcess.TOKEN));
        nameServer.awaitHealthy(nameServerAdmin);
        Path brokerDir = Files.createDirectories(dir.resolve("broker"));
        int brokerAdmin = AdminHttp.freePort();
        Map<String, String> properties = new HashMap<>(NodeProcess.broker(brokerDir.resolve("data"), brokerAdmin));
        properties.put("namesrv.addr", "127.0.0.1:" + nameServerPort);
        properties.put("broker.role", role);
        properties.putAll(brokerSettings);
        NodeProcess broker = NodeProcess.start(brokerDir, properties);
        broker.awaitHealthy(brokerAdmin);
        BrokerCluster cluster = new BrokerCluster(brokerDir, nameServer, nameServerPort, nameServerAdmin, properties,
                brokerAdmin, broker);
        synchronized (cluster) {
            cluster.push();
        }
        cluster.awaitRegistered();
        return cluster;
    }

    /** A name no other test of this JVM uses. */
    static String uniqueName(String prefix) {
        return prefix + "-" + ProcessHandle.current().pid() + "-" + NAMES.incrementAndGet();
    }

    String nameServerAddress() {
        return "127.0.0.1:" + nameServerPort;
    }

    String brokerAddress() {
        return "127.0.0.1:" + brokerProperties.get("listen.port");
    }

    int brokerPort() {
        return Integer.parseInt(brokerProperties.get("listen.port"));
    }

    /** The broker's metrics as Prometheus text. */
    String brokerMetrics() throws Exception {
        return AdminHttp.get(brokerAdminPort, "/admin/v1/metrics", NodeProcess.TOKEN).body();
    }

    /** The answer of the broker's admin API to {@code GET path} (with the node token). */
    HttpResponse<String> brokerAdminGet(String path) throws Exception {
        return AdminHttp.get(brokerAdminPort, path, NodeProcess.TOKEN);
    }

    /** The broker's data directory. */
    Path brokerDataDir() {
        return Path.of(brokerProperties.get("data.dir"));
    }

    /** Creates a NORMAL topic with {@code queues} queues and waits until the name server routes it. */
    void createTopic(String topic, int queues) throws Exception {
        createTopic(topic, queues, "NORMAL");
    }

    /** Creates a topic of {@code messageType} (NORMAL, FIFO, DELAY, TRANSACTION) and waits until it is routed. */
    void createTopic(String topic, int queues, String messageType) throws Exception {
        synchronized (this) {
            topics.add(new DesiredTopic(topic, queues, 6, messageType, MAX_MESSAGE_SIZE));
            push();
        }
        awaitRoute(topic);
    }

    /** Creates a consumer group (and so its retry topic) and waits until the retry topic is routed. */
    void createGroup(String group) throws Exception {
        createGroup(group, 16);
    }

    /** Creates a consumer group with {@code maxRetries} retries before its dead-letter topic. */
    void createGroup(String group, int maxRetries) throws Exception {
        synchronized (this) {
            groups.add(new DesiredGroup(group, maxRetries, false, false));
            push();
        }
        awaitRoute("%RETRY%" + group);
    }

    /** Adds a tenant credential to the next push and pushes it to every node. */
    synchronized void putCredential(DesiredCredential credential) throws Exception {
        credentials.removeIf(existing -> existing.accessKey().equals(credential.accessKey()));
        credentials.add(credential);
        push();
    }

    /** The broker's and the name server's data directories, where their state files live. */
    List<Path> nodeDataDirs() {
        return List.of(brokerDataDir(), dir.resolveSibling("namesrv").resolve("data"));
    }

    /**
     * Starts a slave ({@code broker-a}, id 1, 2, …) replicating from the master into its own store, gives it the
     * current desired state and returns its address; it is stopped with the cluster.
     */
    synchronized String startSlave() throws Exception {
        Path slaveDir = Files.createDirectories(dir.resolveSibling("slave-" + (slaves.size() + 1)));
        int adminPort = AdminHttp.freePort();
        Map<String, String> properties = new HashMap<>(NodeProcess.broker(slaveDir.resolve("data"), adminPort));
        properties.put("namesrv.addr", nameServerAddress());
        properties.put("node.id", "broker-a-" + (slaves.size() + 1));
        properties.put("broker.id", Integer.toString(slaves.size() + 1));
        properties.put("master.addr", brokerAddress());
        NodeProcess slave = NodeProcess.start(slaveDir, properties);
        slaves.add(slave);
        slaveDataDirs.add(slaveDir.resolve("data"));
        slave.awaitHealthy(adminPort);
        slaveAdminPorts.add(adminPort);
        push(adminPort);
        return "127.0.0.1:" + properties.get("listen.port");
    }

    /** Slave {@code index}'s metrics as Prometheus text. */
    String slaveMetrics(int index) throws Exception {
        int adminPort;
        synchronized (this) {
            adminPort = slaveAdminPorts.get(index);
        }
        return AdminHttp.get(adminPort, "/admin/v1/metrics", NodeProcess.TOKEN).body();
    }

    /** The data directory of slave {@code index} (0 for the first). */
    synchronized Path slaveDataDir(int index) {
        return slaveDataDirs.get(index);
    }

    /** Stops slave {@code index} gracefully. */
    synchronized void stopSlave(int index) throws InterruptedException {
        slaves.get(index).close();
    }

    /** Kills the master (SIGKILL) and leaves it down. */
    void killBroker() throws InterruptedException {
        broker.kill();
    }

    private void push() throws Exception {
        generation++;
        push(nameServerAdminPort);
        push(brokerAdminPort);
        for (int adminPort : slaveAdminPorts) {
            push(adminPort);
        }
    }

    private void push(int adminPort) throws Exception {
        byte[] body = NodeJson.mapper().writeValueAsBytes(new DesiredState(generation, topics, groups, credentials,
                TestCredentials.operator()));
        HttpResponse<String> response = AdminHttp.call(adminPort, "PUT", "/admin/v1/desired-state", NodeProcess.TOKEN,
                body);
        if (response.statusCode() != 200) {
            throw new IllegalStateException("desired state refused: " + response.statusCode() + " " + response.body());
        }
    }

    /**
     * Waits until the broker is in the name server's cluster info: it registers once it holds the pushed
     * operator credential, so a test that reads cluster info first must not race it.
     */
    private void awaitRegistered() throws Exception {
        DefaultMQProducer probe = new DefaultMQProducer(uniqueName("cluster-probe"), TestCredentials.operatorHook());
        probe.setNamesrvAddr(nameServerAddress());
        probe.start();
        try {
            MQClientAPIImpl api = probe.getDefaultMQProducerImpl().getmQClientFactory().getMQClientAPIImpl();
            await().atMost(Duration.ofSeconds(20)).ignoreExceptions()
                    .until(() -> api.getBrokerClusterInfo(3_000).getBrokerAddrTable().containsKey(BROKER_NAME));
        } finally {
            probe.shutdown();
        }
    }

    void awaitRoute(String topic) throws Exception {
        DefaultMQProducer probe = new DefaultMQProducer(uniqueName("route-probe"), TestCredentials.operatorHook());
        probe.setNamesrvAddr(nameServerAddress());
        probe.start();
        try {
            await().atMost(Duration.ofSeconds(20)).ignoreExceptions()
                    .until(() -> !probe.fetchPublishMessageQueues(topic).isEmpty());
        } finally {
            probe.shutdown();
        }
    }

    /**
     * Restarts the broker, gracefully (SIGTERM) or by killing it, and waits until it routes its topics again
     * (the admin API answers before the broker role serves, so health alone is not enough).
     */
    void restartBroker(boolean kill) throws Exception {
        if (kill) {
            broker.kill();
        } else {
            broker.close();
        }
        broker = NodeProcess.start(dir, brokerProperties);
        broker.awaitHealthy(brokerAdminPort);
        List<String> names;
        synchronized (this) {
            names = topics.stream().map(DesiredTopic::name).toList();
        }
        for (String topic : names) {
            awaitRoute(topic);
        }
    }

    @Override
    public void close() throws Exception {
        try {
            for (NodeProcess slave : slaves) {
                slave.close();
            }
            broker.close();
        } finally {
            nameServer.close();
        }
    }
}
