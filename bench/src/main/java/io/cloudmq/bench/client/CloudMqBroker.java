package io.cloudmq.bench.client;

import io.cloudmq.api.node.DesiredGroup;
import io.cloudmq.api.node.NodeClassArchive;
import io.cloudmq.api.node.DesiredOperatorCredential;
import io.cloudmq.api.node.DesiredState;
import io.cloudmq.api.node.DesiredTopic;
import io.cloudmq.api.node.ReplicationView;
import io.cloudmq.api.node.SealedSecret;
import io.cloudmq.dataplane.config.NodeJson;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.rocketmq.acl.common.AclClientRPCHook;
import org.apache.rocketmq.acl.common.SessionCredentials;
import org.apache.rocketmq.remoting.RPCHook;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * CloudMQ's name server and broker as the control plane runs them: {@code java -jar <node jar> --config
 * node.properties}, then the desired state (topics, groups, the operator credential sealed for the node token)
 * pushed with {@code PUT /admin/v1/desired-state} to every node. Nodes verify every request's signature, so the
 * benchmark's clients sign with the operator credential through {@link AclClientRPCHook}. The brokers run with
 * their production defaults but the flush mode ({@code store.flush.mode}) and the master's role, which each run
 * chooses; a slave ({@code broker-a-1}, broker id 1) replicates from the master as the control plane configures
 * one ({@code master.addr}).
 *
 * <p>Threading: one thread.
 */
final class CloudMqBroker implements BrokerUnderTest {
    private static final Logger log = LoggerFactory.getLogger(CloudMqBroker.class);
    private static final String NODE_TOKEN = "bench-node-token-0123456789";
    private static final String OPERATOR_KEY = "bench-operator";
    private static final String OPERATOR_SECRET = "bench-operator-secret-0123456789";
    private static final int MAX_MESSAGE_SIZE = 4 * 1024 * 1024;
    private static final Duration START_DEADLINE = Duration.ofMinutes(3);

    private final HttpClient http = HttpClient.newHttpClient();
    private final List<DesiredTopic> topics = new ArrayList<>();
    private final List<DesiredGroup> groups = new ArrayList<>();
    private final List<Integer> adminPorts = new ArrayList<>();
    private final List<ChildJvm> jvms = new ArrayList<>();
    private final RPCHook hook = new AclClientRPCHook(new SessionCredentials(OPERATOR_KEY, OPERATOR_SECRET));
    private final int nameServerPort;
    private int brokerPort;
    private long generation;
    private @Nullable StartTimes firstStart;
    private @Nullable RouteProbe probe;

    private CloudMqBroker(int nameServerPort) {
        this.nameServerPort = nameServerPort;
    }

    /**
     * Starts a name server and the broker group {@code setup} describes from {@code nodeJar} under {@code dir}, each
     * JVM with {@code jvmArgs}; with a slave, returns once the master reports it in sync.
     */
    static CloudMqBroker start(Path nodeJar, Path dir, GroupSetup setup, List<String> nameServerJvmArgs,
            List<String> brokerJvmArgs) throws Exception {
        CloudMqBroker cluster = new CloudMqBroker(Ports.free(0));
        try {
            cluster.startNodes(nodeJar, dir, setup, nameServerJvmArgs, brokerJvmArgs);
        } catch (Exception | Error e) {
            cluster.close();
            throw e;
        }
        return cluster;
    }

    private void startNodes(Path nodeJar, Path dir, GroupSetup setup, List<String> nameServerJvmArgs,
            List<String> brokerJvmArgs) throws Exception {
        int nameServerAdmin = Ports.free(0);
        ChildJvm nameServer = startNode(nodeJar, dir.resolve("namesrv"), nameServerJvmArgs, Map.of(
                "role", "namesrv", "node.id", "namesrv-0", "listen.port", Integer.toString(nameServerPort),
                "admin.port", Integer.toString(nameServerAdmin)));
        awaitHealthy(nameServerAdmin, nameServer);
        adminPorts.add(nameServerAdmin);
        push();
        RouteProbe started = new RouteProbe(nameServerAddress(), hook, "cloudmq");
        probe = started;

        // a master serves replication on its remoting port + 1
        brokerPort = Ports.free(0, 1);
        int brokerAdmin = Ports.free(0);
        Map<String, String> master = new TreeMap<>(setup.masterSettings());
        master.putAll(brokerProperties(0, setup.masterRole(), brokerPort, brokerAdmin, setup.flushMode()));
        ChildJvm broker = startNode(nodeJar, dir.resolve("broker"), brokerJvmArgs, master);
        double accepting = Ports.awaitAccepting(brokerPort, broker, START_DEADLINE);
        awaitHealthy(brokerAdmin, broker);
        adminPorts.add(brokerAdmin);
        push();
        firstStart = new StartTimes(accepting, started.awaitRegistered(BROKER_NAME, broker, START_DEADLINE));
        if (setup.slave()) {
            int slaveAdmin = Ports.free(0);
            Map<String, String> slave = new TreeMap<>(brokerProperties(1, "SLAVE", Ports.free(0, 1), slaveAdmin,
                    setup.flushMode()));
            slave.put("master.addr", "127.0.0.1:" + brokerPort);
            ChildJvm slaveJvm = startNode(nodeJar, dir.resolve("slave"), brokerJvmArgs, slave);
            awaitHealthy(slaveAdmin, slaveJvm);
            adminPorts.add(slaveAdmin);
            push();
            awaitSlaveInSync(brokerAdmin, slaveJvm);
        }
    }

    private Map<String, String> brokerProperties(int brokerId, String role, int port, int adminPort,
            String flushMode) {
        return Map.of("role", "broker", "node.id", BROKER_NAME + "-" + brokerId, "listen.port",
                Integer.toString(port), "admin.port", Integer.toString(adminPort), "broker.name", BROKER_NAME,
                "broker.id", Integer.toString(brokerId), "broker.role", role, "namesrv.addr", nameServerAddress(),
                "store.flush.mode", flushMode);
    }

    /** Polls the master's {@code GET /admin/v1/replication} until it reports a slave in sync. */
    private void awaitSlaveInSync(int masterAdminPort, ChildJvm slave) throws InterruptedException {
        Poll.until("a slave in sync with the master", slave, START_DEADLINE, 10, () -> {
            HttpResponse<String> response = call(masterAdminPort, "GET", "/admin/v1/replication", new byte[0]);
            return response.statusCode() == 200
                    && NodeJson.mapper().readValue(response.body(), ReplicationView.class).inSync();
        });
    }

    private ChildJvm startNode(Path nodeJar, Path dir, List<String> jvmArgs, Map<String, String> properties)
            throws IOException {
        Files.createDirectories(dir);
        Map<String, String> all = new TreeMap<>(properties);
        all.put("data.dir", dir.resolve("data").toString());
        all.put("admin.token", NODE_TOKEN);
        all.put("parent.watch", "true");
        Path config = dir.resolve("node.properties");
        Files.writeString(config, all.entrySet().stream().map(entry -> entry.getKey() + "=" + entry.getValue())
                .collect(Collectors.joining("\n", "", "\n")));
        List<String> main = List.of("-jar", nodeJar.toString(), "--config", config.toString());
        List<String> options = new ArrayList<>(jvmArgs);
        options.addAll(classArchiveOptions(nodeJar, jvmArgs));
        ChildJvm jvm = ChildJvm.start(properties.get("node.id"), dir, options, main);
        jvms.add(jvm);
        return jvm;
    }

    /**
     * The node runtime's class-data archive, made before the first node starts as the standalone launcher makes it
     * on a runtime's first use (so a start's figures do not include it).
     */
    private static List<String> classArchiveOptions(Path nodeJar, List<String> jvmArgs) throws IOException {
        try {
            NodeClassArchive.Prepared archive = NodeClassArchive.prepare(ChildJvm.java(), nodeJar, jvmArgs);
            log.info(archive.outcome());
            return archive.jvmOptions();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while making the class-data archive", e);
        }
    }

    @Override
    public String label() {
        return "CloudMQ";
    }

    @Override
    public String nameServerAddress() {
        return "127.0.0.1:" + nameServerPort;
    }

    @Override
    public RPCHook rpcHook() {
        return hook;
    }

    @Override
    public long brokerPid() {
        return jvms.get(1).pid();
    }

    @Override
    public OptionalLong slavePid() {
        return jvms.size() > 2 ? OptionalLong.of(jvms.get(2).pid()) : OptionalLong.empty();
    }

    @Override
    public StartTimes firstStart() {
        return Objects.requireNonNull(firstStart);
    }

    @Override
    public StartTimes restart() throws Exception {
        return StartTimes.restart(jvms, 1, brokerPort, Objects.requireNonNull(probe), START_DEADLINE);
    }

    @Override
    public void createTopic(String topic, int queues) throws Exception {
        createTopic(topic, queues, "NORMAL");
    }

    /** Creates a topic of {@code messageType} ({@code NORMAL}, {@code FIFO}, {@code DELAY}, {@code TRANSACTION}). */
    void createTopic(String topic, int queues, String messageType) throws Exception {
        topics.add(new DesiredTopic(topic, queues, 6, messageType, MAX_MESSAGE_SIZE));
        push();
        Objects.requireNonNull(probe).awaitRoute(topic, START_DEADLINE);
    }

    @Override
    public void createGroup(String group) throws Exception {
        groups.add(new DesiredGroup(group, 16, false, false));
        push();
        Objects.requireNonNull(probe).awaitRoute("%RETRY%" + group, START_DEADLINE);
    }

    private void awaitHealthy(int adminPort, ChildJvm jvm) throws InterruptedException {
        Poll.until("node on admin port " + adminPort + " healthy", jvm, START_DEADLINE, 10,
                () -> call(adminPort, "GET", "/admin/v1/health", new byte[0]).statusCode() == 200);
    }

    private void push() throws IOException, InterruptedException {
        generation++;
        byte[] body = NodeJson.mapper().writeValueAsBytes(new DesiredState(generation, topics, groups, List.of(),
                new DesiredOperatorCredential(OPERATOR_KEY, SealedSecret.seal(NODE_TOKEN, OPERATOR_KEY,
                        OPERATOR_SECRET))));
        for (int adminPort : adminPorts) {
            HttpResponse<String> response = call(adminPort, "PUT", "/admin/v1/desired-state", body);
            if (response.statusCode() != 200) {
                throw new IllegalStateException("desired state refused: " + response.statusCode() + " "
                        + response.body());
            }
        }
    }

    private HttpResponse<String> call(int port, String method, String path, byte[] body)
            throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer " + NODE_TOKEN)
                .method(method, body.length == 0 ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    @Override
    public void close() throws Exception {
        if (probe != null) {
            probe.close();
        }
        for (int i = jvms.size() - 1; i >= 0; i--) {
            jvms.get(i).close();
        }
    }
}
