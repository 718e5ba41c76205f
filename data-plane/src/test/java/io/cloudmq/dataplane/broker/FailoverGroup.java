package io.cloudmq.dataplane.broker;

import static org.awaitility.Awaitility.await;

import io.cloudmq.api.node.DesiredGroup;
import io.cloudmq.api.node.DesiredState;
import io.cloudmq.api.node.DesiredTopic;
import io.cloudmq.api.node.NodeHealthView;
import io.cloudmq.api.node.ReplicationView;
import io.cloudmq.dataplane.AdminHttp;
import io.cloudmq.dataplane.NodeProcess;
import io.cloudmq.dataplane.TestCredentials;
import io.cloudmq.dataplane.config.NodeJson;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.rocketmq.client.consumer.DefaultMQPullConsumer;
import org.apache.rocketmq.client.consumer.PullResult;
import org.apache.rocketmq.client.consumer.PullStatus;
import org.apache.rocketmq.common.message.MessageExt;
import org.apache.rocketmq.common.message.MessageQueue;
import org.jspecify.annotations.Nullable;

/**
 * A name server and one broker group ({@code broker-a}) of two node processes that swap roles through
 * failovers, driven the way the control plane drives them: {@code POST /admin/v1/promote} on the slave,
 * and a restart of the old master from a rewritten {@code node.properties} (role SLAVE of the new master,
 * the group's epoch). Each member keeps its data directory and ports across restarts. Not thread-safe: one
 * test thread drives it.
 */
final class FailoverGroup implements AutoCloseable {
    static final Duration DEADLINE = Duration.ofSeconds(90);
    private static final Duration PROMOTE_TIMEOUT = Duration.ofSeconds(60);

    /** One broker node of the group, by index 0 or 1. */
    record Member(int index, Path dir, int port, int adminPort) {
        String address() {
            return "127.0.0.1:" + port;
        }

        Path dataDir() {
            return dir.resolve("data");
        }
    }

    static final String SYNC_MASTER = "SYNC_MASTER";

    private final NodeProcess nameServer;
    private final String readerGroup;
    private final int nameServerPort;
    private final int nameServerAdmin;
    private final Member[] members = new Member[2];
    private final @Nullable NodeProcess[] processes = new NodeProcess[2];
    private long generation;

    private FailoverGroup(Path dir, NodeProcess nameServer, int nameServerPort, int nameServerAdmin, String readerGroup)
            throws IOException {
        this.nameServer = nameServer;
        this.readerGroup = readerGroup;
        this.nameServerPort = nameServerPort;
        this.nameServerAdmin = nameServerAdmin;
        for (int i = 0; i < 2; i++) {
            members[i] = new Member(i, Files.createDirectories(dir.resolve("broker-" + i)), AdminHttp.freeBrokerPort(),
                    AdminHttp.freePort());
        }
    }

    /**
     * Starts the name server, member 0 as SYNC_MASTER and member 1 as its slave, and creates {@code topic}
     * and the consumer groups {@code group} and {@link #consumerGroup()}.
     */
    static FailoverGroup start(Path dir, String topic, int queues, String group) throws Exception {
        return start(dir, topic, queues, group, SYNC_MASTER);
    }

    /** {@link #start(Path, String, int, String)} with member 0 in {@code masterRole} (SYNC_MASTER or ASYNC_MASTER). */
    static FailoverGroup start(Path dir, String topic, int queues, String group, String masterRole) throws Exception {
        return start(dir, topic, queues, group, masterRole, "NORMAL");
    }

    /**
     * {@link #start(Path, String, int, String, String)} with a topic of {@code messageType} (e.g. {@code DELAY}).
     */
    static FailoverGroup start(Path dir, String topic, int queues, String group, String masterRole,
            String messageType) throws Exception {
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
        FailoverGroup failoverGroup = new FailoverGroup(dir, nameServer, nameServerPort, nameServerAdmin, group);
        try {
            nameServer.awaitHealthy(nameServerAdmin);
            failoverGroup.start(failoverGroup.member(0), failoverGroup.properties(failoverGroup.member(0), masterRole,
                    0, null, 0, null));
            failoverGroup.startSlave(failoverGroup.member(1), failoverGroup.member(0), 0);
            failoverGroup.push(topic, queues, group, messageType);
        } catch (Exception | AssertionError e) {
            failoverGroup.close();
            throw e;
        }
        return failoverGroup;
    }

    Member member(int index) {
        return members[index];
    }

    /** A second consumer group the desired state declares, for a test's own consumer beside {@link #readAll}'s. */
    String consumerGroup() {
        return readerGroup + "-consumer";
    }

    String nameServerAddress() {
        return "127.0.0.1:" + nameServerPort;
    }

    /** Starts {@code member} as the SYNC_MASTER (broker id 0) of {@code epoch}. */
    NodeProcess startMaster(Member member, long epoch) throws IOException {
        return start(member, properties(member, SYNC_MASTER, 0, null, epoch, null));
    }

    /**
     * Starts {@code member} as the SYNC_MASTER of epoch 0 naming {@code slave} ({@code slave.addr}), as the
     * standalone launcher starts a master: it starts write-fenced until a slave is in sync.
     */
    NodeProcess startMasterNaming(Member member, Member slave) throws IOException {
        return start(member, properties(member, SYNC_MASTER, 0, null, 0, slave));
    }

    /** Starts {@code member} as slave (broker id 1) of {@code master} in the group's {@code epoch}. */
    NodeProcess startSlave(Member member, Member master, long epoch) throws IOException {
        return start(member, properties(member, "SLAVE", 1, master.address(), epoch, null));
    }

    /** Kills {@code member}'s process (SIGKILL) and leaves it down. */
    void kill(Member member) throws InterruptedException {
        NodeProcess process = processes[member.index()];
        if (process != null) {
            process.kill();
        }
    }

    /** Sends {@code signal} ({@code STOP} or {@code CONT}) to {@code member}'s process. */
    void signal(Member member, String signal) throws IOException, InterruptedException {
        NodeProcess process = processes[member.index()];
        if (process == null) {
            throw new IllegalStateException("member " + member.index() + " is not running");
        }
        int exit = new ProcessBuilder("kill", "-" + signal, Long.toString(process.process().pid())).start().waitFor();
        if (exit != 0) {
            throw new IllegalStateException("kill -" + signal + " exited with " + exit);
        }
    }

    /** Stops {@code member}'s process gracefully. */
    void stop(Member member) throws InterruptedException {
        NodeProcess process = processes[member.index()];
        if (process != null) {
            process.close();
        }
    }

    /** The output {@code member}'s current process wrote so far. */
    String output(Member member) throws IOException {
        NodeProcess process = processes[member.index()];
        return process == null ? "" : process.output();
    }

    /** {@code GET /admin/v1/replication} of {@code member}. */
    ReplicationView replication(Member member) throws Exception {
        return adminGet(member, "/admin/v1/replication", ReplicationView.class);
    }

    /** {@code GET /admin/v1/health} of {@code member}. */
    NodeHealthView health(Member member) throws Exception {
        return adminGet(member, "/admin/v1/health", NodeHealthView.class);
    }

    private static <T> T adminGet(Member member, String path, Class<T> type) throws Exception {
        HttpResponse<String> response = AdminHttp.get(member.adminPort(), path, NodeProcess.TOKEN);
        if (response.statusCode() != 200) {
            throw new IllegalStateException(path + ": " + response.statusCode() + " " + response.body());
        }
        return NodeJson.mapper().readValue(response.body(), type);
    }

    /**
     * {@code POST /admin/v1/promote} to SYNC_MASTER in {@code epoch} on {@code member}; answers the HTTP response.
     * The node restarts its broker role before answering, which takes seconds on a loaded machine.
     */
    HttpResponse<String> promote(Member member, long epoch) throws Exception {
        return AdminHttp.call(member.adminPort(), "POST", "/admin/v1/promote", NodeProcess.TOKEN,
                ("{\"epoch\":" + epoch + ",\"role\":\"SYNC_MASTER\"}").getBytes(StandardCharsets.UTF_8),
                PROMOTE_TIMEOUT);
    }

    /** Every message of {@code topic} by id with its body, pulled queue by queue (with the group of the start). */
    Map<String, byte[]> readAll(String topic) throws Exception {
        DefaultMQPullConsumer consumer = new DefaultMQPullConsumer(readerGroup, TestCredentials.operatorHook());
        consumer.setNamesrvAddr(nameServerAddress());
        consumer.start();
        try {
            Map<String, byte[]> read = new HashMap<>();
            for (MessageQueue queue : consumer.fetchSubscribeMessageQueues(topic)) {
                long offset = 0;
                long max = consumer.maxOffset(queue);
                while (offset < max) {
                    PullResult result = consumer.pull(queue, "*", offset, 32);
                    if (result.getPullStatus() != PullStatus.FOUND) {
                        throw new IllegalStateException("pull " + queue + " at " + offset + ": " + result.getPullStatus());
                    }
                    for (MessageExt message : result.getMsgFoundList()) {
                        read.put(message.getMsgId(), message.getBody());
                    }
                    offset = result.getNextBeginOffset();
                }
            }
            return read;
        } finally {
            consumer.shutdown();
        }
    }

    /** Waits until {@code master} reports a slave in sync. */
    void awaitInSync(Member master) {
        await("a slave in sync with " + master).atMost(DEADLINE).ignoreExceptions()
                .until(() -> replication(master).inSync());
    }

    private NodeProcess start(Member member, Map<String, String> properties) throws IOException {
        NodeProcess process = NodeProcess.start(member.dir(), properties);
        processes[member.index()] = process;
        process.awaitHealthy(member.adminPort());
        return process;
    }

    private Map<String, String> properties(Member member, String role, int brokerId, @Nullable String masterAddress,
            long epoch, @Nullable Member slave) {
        Map<String, String> properties = new HashMap<>(NodeProcess.broker(member.dataDir(), member.adminPort()));
        properties.put("node.id", "broker-a-" + member.index());
        properties.put("listen.port", Integer.toString(member.port()));
        properties.put("namesrv.addr", nameServerAddress());
        properties.put("broker.role", role);
        properties.put("broker.id", Integer.toString(brokerId));
        properties.put("broker.epoch", Long.toString(epoch));
        if (masterAddress != null) {
            properties.put("master.addr", masterAddress);
        }
        if (slave != null) {
            properties.put("slave.addr", slave.address());
        }
        return properties;
    }

    private void push(String topic, int queues, String group, String messageType) throws Exception {
        generation++;
        byte[] body = NodeJson.mapper().writeValueAsBytes(new DesiredState(generation,
                List.of(new DesiredTopic(topic, queues, 6, messageType, BrokerCluster.MAX_MESSAGE_SIZE)),
                List.of(new DesiredGroup(group, 16, false, false), new DesiredGroup(consumerGroup(), 16, false, false)),
                List.of(), TestCredentials.operator()));
        for (int adminPort : List.of(nameServerAdmin, members[0].adminPort(), members[1].adminPort())) {
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
            for (NodeProcess process : processes) {
                if (process != null) {
                    process.close();
                }
            }
        } finally {
            nameServer.close();
        }
    }
}
