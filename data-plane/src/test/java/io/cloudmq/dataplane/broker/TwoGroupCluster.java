package io.cloudmq.dataplane.broker;

import static org.awaitility.Awaitility.await;

import io.cloudmq.api.node.DesiredState;
import io.cloudmq.api.node.DesiredTopic;
import io.cloudmq.dataplane.AdminHttp;
import io.cloudmq.dataplane.NodeProcess;
import io.cloudmq.dataplane.TestCredentials;
import io.cloudmq.dataplane.config.NodeJson;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.common.message.MessageQueue;

/**
 * One name server and two broker groups of one ASYNC_MASTER each ({@code broker-a}, {@code broker-b}) as
 * child node processes, for tests that stop or restart a broker (so they cannot use the shared cluster).
 * The desired state (the topics and the operator credential) is pushed to every node. Not thread-safe:
 * used by one test method.
 */
final class TwoGroupCluster implements AutoCloseable {
    static final List<String> BROKER_NAMES = List.of("broker-a", "broker-b");

    private final NodeProcess nameServer;
    private final int nameServerPort;
    private final int nameServerAdminPort;
    private final List<Path> brokerDirs = new ArrayList<>();
    private final List<Map<String, String>> brokerProperties = new ArrayList<>();
    private final List<NodeProcess> brokers = new ArrayList<>();
    private final List<DesiredTopic> topics = new ArrayList<>();
    private long generation;

    private TwoGroupCluster(NodeProcess nameServer, int nameServerPort, int nameServerAdminPort) {
        this.nameServer = nameServer;
        this.nameServerPort = nameServerPort;
        this.nameServerAdminPort = nameServerAdminPort;
    }

    /** Starts the three nodes under {@code dir} and waits until they answer health. */
    static TwoGroupCluster start(Path dir) throws Exception {
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
        TwoGroupCluster cluster = new TwoGroupCluster(nameServer, nameServerPort, nameServerAdmin);
        try {
            nameServer.awaitHealthy(nameServerAdmin);
            for (String name : BROKER_NAMES) {
                cluster.startBroker(dir, name);
            }
            cluster.push();
        } catch (Exception e) {
            cluster.close();
            throw e;
        }
        return cluster;
    }

    private void startBroker(Path dir, String name) throws Exception {
        Path brokerDir = Files.createDirectories(dir.resolve(name));
        int adminPort = AdminHttp.freePort();
        Map<String, String> properties = new HashMap<>(NodeProcess.broker(brokerDir.resolve("data"), adminPort));
        properties.put("node.id", name + "-0");
        properties.put("broker.name", name);
        properties.put("broker.role", "ASYNC_MASTER");
        properties.put("namesrv.addr", nameServerAddress());
        NodeProcess broker = NodeProcess.start(brokerDir, properties);
        brokerDirs.add(brokerDir);
        brokerProperties.add(properties);
        brokers.add(broker);
        broker.awaitHealthy(adminPort);
    }

    String nameServerAddress() {
        return "127.0.0.1:" + nameServerPort;
    }

    NodeProcess broker(int index) {
        return brokers.get(index);
    }

    int brokerAdminPort(int index) {
        return Integer.parseInt(brokerProperties.get(index).get("admin.port"));
    }

    /** {@code POST path} on broker {@code index}'s admin API. */
    HttpResponse<String> post(int index, String path) throws Exception {
        return AdminHttp.call(brokerAdminPort(index), "POST", path, NodeProcess.TOKEN, new byte[0]);
    }

    /** Creates {@code topic} with {@code queues} queues on both groups and waits until both are routed writable. */
    void createTopic(String topic, int queues) throws Exception {
        topics.add(new DesiredTopic(topic, queues, 6, "NORMAL", BrokerCluster.MAX_MESSAGE_SIZE));
        push();
        await().atMost(Duration.ofSeconds(30)).until(() -> writableBrokers(topic).equals(Set.copyOf(BROKER_NAMES)));
    }

    /** The broker groups a freshly started producer would send {@code topic} to (route with write permission). */
    Set<String> writableBrokers(String topic) throws Exception {
        DefaultMQProducer probe = new DefaultMQProducer(BrokerCluster.uniqueName("route-probe"),
                TestCredentials.operatorHook());
        probe.setNamesrvAddr(nameServerAddress());
        probe.start();
        try {
            return probe.fetchPublishMessageQueues(topic).stream().map(MessageQueue::getBrokerName)
                    .collect(Collectors.toSet());
        } catch (Exception e) {
            return Set.of();
        } finally {
            probe.shutdown();
        }
    }

    /**
     * Starts broker {@code index} again on its data directory and ports (its desired state is on disk) and
     * waits until it is routed writable again.
     */
    NodeProcess restartBroker(int index, String topic) throws Exception {
        NodeProcess broker = NodeProcess.start(brokerDirs.get(index), brokerProperties.get(index));
        brokers.set(index, broker);
        broker.awaitHealthy(brokerAdminPort(index));
        await().atMost(Duration.ofSeconds(30)).until(() -> writableBrokers(topic).contains(BROKER_NAMES.get(index)));
        return broker;
    }

    private void push() throws Exception {
        generation++;
        byte[] body = NodeJson.mapper().writeValueAsBytes(
                new DesiredState(generation, topics, List.of(), List.of(), TestCredentials.operator()));
        List<Integer> adminPorts = new ArrayList<>(List.of(nameServerAdminPort));
        for (int i = 0; i < brokers.size(); i++) {
            adminPorts.add(brokerAdminPort(i));
        }
        for (int adminPort : adminPorts) {
            HttpResponse<String> response = AdminHttp.call(adminPort, "PUT", "/admin/v1/desired-state",
                    NodeProcess.TOKEN, body);
            if (response.statusCode() != 200) {
                throw new IllegalStateException("desired state refused: " + response.statusCode() + " " + response.body());
            }
        }
    }

    @Override
    public void close() throws Exception {
        try {
            for (NodeProcess broker : brokers) {
                broker.close();
            }
        } finally {
            nameServer.close();
        }
    }
}
