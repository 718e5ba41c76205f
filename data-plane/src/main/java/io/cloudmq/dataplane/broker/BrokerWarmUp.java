package io.cloudmq.dataplane.broker;

import io.cloudmq.api.node.DesiredGroup;
import io.cloudmq.api.node.DesiredState;
import io.cloudmq.api.node.DesiredTopic;
import io.cloudmq.dataplane.auth.CredentialRegistry;
import io.cloudmq.dataplane.auth.CredentialStateListener;
import io.cloudmq.dataplane.auth.OperatorSigner;
import io.cloudmq.dataplane.broker.drain.DrainParts;
import io.cloudmq.dataplane.config.BrokerRole;
import io.cloudmq.dataplane.config.DesiredStateStore;
import io.cloudmq.dataplane.config.NodeConfig;
import io.cloudmq.dataplane.config.NodeJson;
import io.cloudmq.dataplane.lifecycle.NodeContext;
import io.cloudmq.dataplane.remoting.netty.ProcessorRegistry;
import io.cloudmq.dataplane.remoting.netty.RemotingClient;
import io.cloudmq.dataplane.remoting.netty.RemotingClientConfig;
import io.cloudmq.dataplane.remoting.protocol.RemotingCommand;
import io.cloudmq.dataplane.remoting.protocol.RequestCode;
import io.cloudmq.dataplane.remoting.protocol.ResponseCode;
import io.cloudmq.dataplane.remoting.protocol.header.PullMessageRequestHeader;
import io.cloudmq.dataplane.remoting.protocol.header.SendMessageRequestHeader;
import io.cloudmq.dataplane.store.flush.FlushMode;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/**
 * Drives the request paths a broker serves most — sends and pulls, signed, through its remoting server, its
 * processors and its store — on a throwaway broker, so that a hot successor has them compiled before it takes
 * over: a new JVM that starts serving a loaded group otherwise answers slowly for seconds while it compiles them.
 *
 * <p>The throwaway broker is a {@link RunningBroker} as the node would start it, with the node's credentials but
 * its own data directory (a temporary one under a scratch directory, deleted at the end), one topic and one group of its own, on a free
 * loopback port, as an {@code ASYNC_MASTER} without slaves, whose only name server is the privileged port
 * {@value #NO_NAME_SERVER} nothing listens on (its registrations fail at once): nothing outside the process sees it.
 * Requests are signed with the operator credential ({@link OperatorSigner}); without one they are refused, which
 * still runs the decoding and the refusal but not the processors.
 *
 * <p>Stateless; {@link #run} is called on one thread and returns once the broker is closed.
 */
public final class BrokerWarmUp {
    static final String TOPIC = "cloudmq-warm-up";
    static final String GROUP = "cloudmq-warm-up";
    private static final String NO_NAME_SERVER = "127.0.0.1:1";
    private static final int QUEUES = 4;
    private static final int BODY_BYTES = 1024;
    private static final int MAX_MESSAGE_BYTES = 4 << 20;
    private static final int IN_FLIGHT = 64;
    private static final int PULL_BATCH = 32;
    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final String PROPERTIES = "TAGS\u0001warm-up\u0002KEYS\u0001key\u0002WAIT\u0001true\u0002";

    private BrokerWarmUp() {}

    /**
     * Sends {@code messages} messages to a throwaway broker, {@value #IN_FLIGHT} at a time, and pulls them back.
     *
     * @param node the node's configuration: its cluster, token and settings are the throwaway broker's
     * @param current the node's desired state: its credentials are the throwaway broker's
     * @param metrics where the throwaway broker's meters go
     * @param scratch where the throwaway broker's data directory is made
     * @return how many sends were answered {@code SUCCESS}
     */
    public static int run(NodeConfig node, DesiredState current, MeterRegistry metrics, int messages, Path scratch)
            throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory(scratch, "cloudmq-broker-warm-up");
        Thread deleteOnExit = new Thread(() -> deleteTree(dir), "broker-warm-up-cleanup");
        Runtime.getRuntime().addShutdownHook(deleteOnExit);
        try {
            NodeConfig config = throwawayConfig(node, dir, freePortPair());
            DesiredStateStore desiredState = DesiredStateStore.open(dir, NodeJson.mapper());
            CredentialRegistry credentials = new CredentialRegistry();
            desiredState.subscribe(new CredentialStateListener(config.adminToken(), credentials));
            desiredState.apply(new DesiredState(1, List.of(new DesiredTopic(TOPIC, QUEUES, 6, "NORMAL", MAX_MESSAGE_BYTES)),
                    List.of(new DesiredGroup(GROUP, 16, false, false)), current.credentials(), current.operator()));
            NodeContext context = new NodeContext(config, NodeJson.mapper(), metrics, desiredState, credentials);
            try (RunningBroker broker = RunningBroker.start(context, BrokerSettings.defaults(),
                    DrainParts.create(metrics, Clock.systemUTC()), master -> {});
                    RemotingClient client = new RemotingClient(RemotingClientConfig.defaults(), new ProcessorRegistry())) {
                Requests requests = new Requests(client, InetAddress.getLoopbackAddress().getHostAddress() + ":"
                        + config.listenPort(), new OperatorSigner(credentials));
                int sent = requests.send(messages);
                requests.pullAll();
                return sent;
            }
        } finally {
            Runtime.getRuntime().removeShutdownHook(deleteOnExit);
            deleteTree(dir);
        }
    }

    /** The node's configuration for a broker alone on {@code dir} and {@code port} (and {@code port + 1}). */
    private static NodeConfig throwawayConfig(NodeConfig node, Path dir, int port) {
        return new NodeConfig(node.role(), node.nodeId(), node.cluster(), dir, port, 0,
                InetAddress.getLoopbackAddress().getHostAddress(), TOPIC, 0, BrokerRole.ASYNC_MASTER, null, List.of(),
                node.brokerEpoch(), FlushMode.ASYNC_FLUSH, List.of(NO_NAME_SERVER), node.adminToken(), false, null, node.drain(),
                node.restartFenceTimeout(), node.transactionChecks(), node.replicationInSync());
    }

    /** A free loopback port whose successor (the replication port) is free too. */
    private static int freePortPair() throws IOException {
        InetAddress loopback = InetAddress.getLoopbackAddress();
        for (int attempt = 0; ; attempt++) {
            try (ServerSocket first = new ServerSocket(0, 1, loopback);
                    ServerSocket second = new ServerSocket(first.getLocalPort() + 1, 1, loopback)) {
                return first.getLocalPort();
            } catch (IOException e) {
                if (attempt == 10) {
                    throw e;
                }
            }
        }
    }

    /** Deletes the throwaway broker's directory; also on the JVM's exit (a successor whose parent is gone). */
    private static void deleteTree(Path root) {
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("warm-up directory " + root + " not deleted", e);
        }
    }

    /** The warm-up's requests, as a producer and a consumer send them. Used by one thread. */
    private record Requests(RemotingClient client, String address, OperatorSigner signer) {

        /** Sends with at most {@value #IN_FLIGHT} in flight; the number answered {@code SUCCESS}. */
        int send(int messages) throws InterruptedException {
            Semaphore window = new Semaphore(IN_FLIGHT);
            List<CompletableFuture<Boolean>> answers = new ArrayList<>(messages);
            byte[] body = new byte[BODY_BYTES];
            for (int i = 0; i < messages; i++) {
                window.acquire();
                SendMessageRequestHeader header = new SendMessageRequestHeader(GROUP, TOPIC, i % QUEUES, 0,
                        System.currentTimeMillis(), 0, PROPERTIES + "UNIQ_KEY\u0001warm-up-" + i + "\u0002", 0,
                        false, TOPIC);
                answers.add(client.invoke(address, signer.apply(RemotingCommand.request(RequestCode.SEND_MESSAGE_V2,
                        header.toV2()).withBody(body)), TIMEOUT)
                        .handle((response, failure) -> {
                            window.release();
                            return failure == null && response.code() == ResponseCode.SUCCESS;
                        }));
            }
            return (int) answers.stream().filter(CompletableFuture::join).count();
        }

        /** Pulls every queue from its start to its end, committing the offset pulled so far. */
        void pullAll() throws InterruptedException {
            for (int queue = 0; queue < QUEUES; queue++) {
                long offset = 0;
                while (true) {
                    PullMessageRequestHeader header = new PullMessageRequestHeader(GROUP, TOPIC, queue, offset,
                            PULL_BATCH, PullMessageRequestHeader.FLAG_COMMIT_OFFSET
                            | PullMessageRequestHeader.FLAG_SUBSCRIPTION, offset, 0, "*", "TAG", Integer.MAX_VALUE);
                    RemotingCommand response = call(RemotingCommand.request(RequestCode.PULL_MESSAGE,
                            header.toExtFields()));
                    String next = response.extField("nextBeginOffset");
                    if (response.code() != ResponseCode.SUCCESS || next == null || Long.parseLong(next) <= offset) {
                        break;
                    }
                    offset = Long.parseLong(next);
                }
            }
        }

        private RemotingCommand call(RemotingCommand request) throws InterruptedException {
            try {
                return client.invoke(address, signer.apply(request), TIMEOUT)
                        .get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (ExecutionException | TimeoutException e) {
                throw new IllegalStateException("warm-up request failed: " + e.getMessage(), e);
            }
        }
    }
}
