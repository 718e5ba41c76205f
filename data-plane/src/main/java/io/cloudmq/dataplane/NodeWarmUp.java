package io.cloudmq.dataplane;

import io.cloudmq.api.node.DesiredState;
import io.cloudmq.api.node.NodeRole;
import io.cloudmq.dataplane.admin.NodeIdentity;
import io.cloudmq.dataplane.admin.NodeMetrics;
import io.cloudmq.dataplane.broker.BrokerWarmUp;
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
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * What a hot successor runs before it waits for its predecessor ({@link io.cloudmq.dataplane.lifecycle.SuccessorStart}):
 * the code paths of a node's start on throwaway objects, so that their classes are initialised in their natural
 * order and their hot paths are compiled while the predecessor still serves. It reads the node's desired state
 * (read only), binds a metrics registry, exchanges one request between a remoting server on an ephemeral loopback
 * port and a client, and, for a broker, sends {@value #BROKER_MESSAGES} messages to a throwaway broker and pulls
 * them back ({@link BrokerWarmUp}). Nothing of it is visible outside the process. A failure costs only the
 * warm-up: the start proper reports real problems. Stateless.
 */
final class NodeWarmUp {
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(5);
    /** A request code no processor serves: the answer is {@code REQUEST_CODE_NOT_SUPPORTED}. */
    private static final int UNSERVED_CODE = 0;
    /** Enough sends for the send path's hot methods to reach their optimised compilation. */
    static final int BROKER_MESSAGES = 10_000;

    private NodeWarmUp() {}

    /** Runs the warm-up; problems are reported on stderr and otherwise ignored. */
    static void run(NodeConfig config, NodeIdentity identity) {
        try {
            DesiredState current = DesiredStateStore.open(config.dataDir(), NodeJson.mapper()).current();
            try (NodeMetrics metrics = new NodeMetrics(config, identity)) {
                metrics.start();
                exchangeOneRequest();
                if (config.role() == NodeRole.BROKER) {
                    int sent = BrokerWarmUp.run(config, current, metrics.registry(), BROKER_MESSAGES,
                            Path.of(System.getProperty("java.io.tmpdir")));
                    if (sent < BROKER_MESSAGES) {
                        System.err.printf("cloudmq-node successor: %d of %d warm-up sends succeeded%n", sent,
                                BROKER_MESSAGES);
                    }
                }
                metrics.registry().scrape();
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
}
