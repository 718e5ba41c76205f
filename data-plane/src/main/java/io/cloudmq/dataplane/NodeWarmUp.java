package io.cloudmq.dataplane;

import io.cloudmq.api.node.NodeRole;
import io.cloudmq.dataplane.admin.NodeIdentity;
import io.cloudmq.dataplane.admin.NodeMetrics;
import io.cloudmq.dataplane.config.DesiredStateStore;
import io.cloudmq.dataplane.config.NodeConfig;
import io.cloudmq.dataplane.config.NodeJson;
import io.cloudmq.dataplane.remoting.netty.ConnectionListener;
import io.cloudmq.dataplane.remoting.netty.ProcessorRegistry;
import io.cloudmq.dataplane.remoting.netty.RemotingClient;
import io.cloudmq.dataplane.remoting.netty.RemotingClientConfig;
import io.cloudmq.dataplane.remoting.netty.RemotingServer;
import io.cloudmq.dataplane.remoting.netty.RemotingServerConfig;
import io.cloudmq.dataplane.remoting.netty.RequestAuthorizer;
import io.cloudmq.dataplane.remoting.protocol.RemotingCommand;
import io.cloudmq.dataplane.store.DefaultMessageStore;
import io.cloudmq.dataplane.store.StoreConfig;
import io.cloudmq.dataplane.store.TagFilter;
import io.cloudmq.dataplane.store.commitlog.IncomingMessage;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/**
 * What a hot successor runs before it waits for its predecessor ({@link io.cloudmq.dataplane.lifecycle.SuccessorStart}):
 * the code paths of a node's start on throwaway objects, so that their classes are initialised in their natural
 * order and their first compilations are done while the predecessor still serves. It reads the node's desired
 * state (read only), binds a metrics registry, exchanges one request between a remoting server on an ephemeral
 * loopback port and a client, and, for a broker, writes and reads a message in a store in a temporary directory
 * that it deletes. Nothing of it is visible outside the process. A failure costs only the warm-up: the start
 * proper reports real problems. Stateless.
 */
final class NodeWarmUp {
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(5);
    /** A request code no processor serves: the answer is {@code REQUEST_CODE_NOT_SUPPORTED}. */
    private static final int UNSERVED_CODE = 0;
    private static final String TOPIC = "warm-up";

    private NodeWarmUp() {}

    /** Runs the warm-up; problems are reported on stderr and otherwise ignored. */
    static void run(NodeConfig config, NodeIdentity identity) {
        try {
            DesiredStateStore.open(config.dataDir(), NodeJson.mapper());
            try (NodeMetrics metrics = new NodeMetrics(config, identity)) {
                metrics.start();
                metrics.registry().scrape();
            }
            exchangeOneRequest();
            if (config.role() == NodeRole.BROKER) {
                writeAndReadAMessage(config);
            }
        } catch (IOException | RuntimeException e) {
            System.err.println("cloudmq-node successor: warm-up incomplete: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void exchangeOneRequest() throws InterruptedException {
        RemotingServer server = new RemotingServer(new RemotingServerConfig(InetAddress.getLoopbackAddress()
                .getHostAddress(), 0, 1, RemotingServerConfig.DEFAULT_MAX_FRAME_LENGTH,
                RemotingServerConfig.DEFAULT_IDLE_TIMEOUT, 1024, 512), new ProcessorRegistry(),
                RequestAuthorizer.ALLOW_ALL, new ConnectionListener() {});
        try (server; RemotingClient client = new RemotingClient(RemotingClientConfig.defaults(), new ProcessorRegistry())) {
            server.start();
            client.invoke(InetAddress.getLoopbackAddress().getHostAddress() + ":" + server.port(),
                    RemotingCommand.request(UNSERVED_CODE, Map.of()), REQUEST_TIMEOUT)
                    .get(REQUEST_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            System.err.println("cloudmq-node successor: warm-up request failed: " + e);
        }
    }

    private static void writeAndReadAMessage(NodeConfig config) throws IOException {
        Path root = Files.createTempDirectory("cloudmq-warm-up");
        InetSocketAddress address = new InetSocketAddress(InetAddress.getLoopbackAddress(), config.listenPort());
        try (DefaultMessageStore store = DefaultMessageStore.open(StoreConfig.defaults(root, config.cluster(), TOPIC,
                address).withFileSizes(64 * 1024, 1000, 1024, 4096))) {
            store.put(new IncomingMessage(TOPIC, 0, 0, new byte[128], "KEYS\u0001k\u0002UNIQ_KEY\u0001u\u0002", 0,
                    System.currentTimeMillis(), address, 0, 0));
            store.getMessages(TOPIC, 0, 0, 1, Integer.MAX_VALUE, TagFilter.ALL);
        } finally {
            try (Stream<Path> files = Files.walk(root)) {
                for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(file);
                }
            }
        }
    }
}
