package io.cloudmq.dataplane.broker.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cloudmq.dataplane.namesrv.NameServer;
import io.cloudmq.dataplane.namesrv.NameServerConfig;
import io.cloudmq.dataplane.remoting.netty.ProcessorRegistry;
import io.cloudmq.dataplane.remoting.netty.RemotingClient;
import io.cloudmq.dataplane.remoting.netty.RemotingClientConfig;
import io.cloudmq.dataplane.remoting.netty.RemotingServerConfig;
import io.cloudmq.dataplane.remoting.protocol.Perm;
import io.cloudmq.dataplane.remoting.protocol.RemotingCommand;
import io.cloudmq.dataplane.remoting.protocol.RequestCode;
import io.cloudmq.dataplane.remoting.protocol.ResponseCode;
import io.cloudmq.dataplane.remoting.protocol.body.QueueData;
import io.cloudmq.dataplane.remoting.protocol.body.RemotingJson;
import io.cloudmq.dataplane.remoting.protocol.body.TopicConfig;
import io.cloudmq.dataplane.remoting.protocol.body.TopicRouteData;
import java.time.Duration;
import io.cloudmq.dataplane.namesrv.NameServerAccess;
import io.cloudmq.dataplane.remoting.netty.AuthorizationDecision;
import io.cloudmq.dataplane.remoting.netty.RequestAuthorizer;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class NameServerRegistrarIT {
    private static final BrokerIdentity BROKER =
            new BrokerIdentity("DefaultCluster", "broker-a", 0, "127.0.0.1:10911", "127.0.0.1:10912", 0);
    private static final int READ_WRITE = Perm.READ | Perm.WRITE;
    /** Deadline for what a loaded shared machine may take; nothing here depends on it being short. */
    private static final Duration SLOW_MACHINE = Duration.ofSeconds(60);

    private final Deque<AutoCloseable> resources = new ConcurrentLinkedDeque<>();
    private final List<TopicConfig> topics = new CopyOnWriteArrayList<>(List.of(TopicConfig.of("T", 4, READ_WRITE)));
    private final RemotingClient queries = track(new RemotingClient(RemotingClientConfig.defaults(), new ProcessorRegistry()));

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable resource; (resource = resources.pollFirst()) != null; ) {
            resource.close();
        }
    }

    private <T extends AutoCloseable> T track(T resource) {
        resources.addFirst(resource);
        return resource;
    }

    private NameServer startNameServer(int port) {
        return startNameServer(port, RequestAuthorizer.ALLOW_ALL);
    }

    private NameServer startNameServer(int port, RequestAuthorizer authorizer) {
        NameServer nameServer = new NameServer(new NameServerConfig(
                new RemotingServerConfig("127.0.0.1", port, 1, RemotingServerConfig.DEFAULT_MAX_FRAME_LENGTH,
                        RemotingServerConfig.DEFAULT_IDLE_TIMEOUT, 1024, 512),
                2, 1000, Duration.ofSeconds(120), Duration.ofSeconds(5)),
                new NameServerAccess(authorizer, request -> topic -> true));
        nameServer.start();
        return track(nameServer);
    }

    private NameServerRegistrar startRegistrar(NameServer... nameServers) {
        List<String> addresses = Arrays.stream(nameServers).map(n -> "127.0.0.1:" + n.port()).toList();
        NameServerRegistrar registrar = track(new NameServerRegistrar(RegistrarConfig.defaults(addresses), BROKER, () -> topics,
                UnaryOperator.identity(), master -> { }));
        registrar.start();
        return registrar;
    }

    private Optional<TopicRouteData> route(NameServer nameServer, String topic) {
        RemotingCommand response = queries.invoke("127.0.0.1:" + nameServer.port(),
                RemotingCommand.request(RequestCode.GET_ROUTEINFO_BY_TOPIC, Map.of("topic", topic)), Duration.ofSeconds(3))
                .join();
        return response.code() == ResponseCode.SUCCESS
                ? Optional.of(RemotingJson.decode(response.body(), TopicRouteData.class))
                : Optional.empty();
    }

    @Test
    void registersTheTopicTableWithEveryNameServer() {
        NameServer first = startNameServer(0);
        NameServer second = startNameServer(0);

        startRegistrar(first, second);

        for (NameServer nameServer : List.of(first, second)) {
            await().atMost(Duration.ofSeconds(5)).until(() -> route(nameServer, "T").isPresent());
            TopicRouteData route = route(nameServer, "T").orElseThrow();
            assertThat(route.queueDatas()).containsExactly(new QueueData("broker-a", 4, 4, READ_WRITE, 0));
            assertThat(route.brokerDatas().get(0).brokerAddrs()).containsExactly(Map.entry(0L, BROKER.brokerAddr()));
        }
    }

    /**
     * A registrar whose background loop never comes round within a test, so only immediate attempts count; its
     * requests may take long (a first request in a fresh JVM on a loaded machine) since none is retried.
     */
    private NameServerRegistrar startWithoutTimerRetries(NameServer nameServer, UnaryOperator<RemotingCommand> signer) {
        RegistrarConfig config = new RegistrarConfig(List.of("127.0.0.1:" + nameServer.port()), Duration.ofHours(1),
                Duration.ofHours(1), SLOW_MACHINE, Duration.ofSeconds(120));
        NameServerRegistrar registrar = track(new NameServerRegistrar(config, BROKER, () -> topics, signer, master -> { }));
        registrar.start();
        return registrar;
    }

    @Test
    void sendsTheFirstRegistrationAtStartNotAfterATimerPeriod() {
        NameServer nameServer = startNameServer(0);
        AtomicInteger sent = new AtomicInteger();

        startWithoutTimerRetries(nameServer, request -> {
            sent.incrementAndGet();
            return request;
        });

        await().atMost(SLOW_MACHINE).until(() -> sent.get() == 1);
        await().atMost(SLOW_MACHINE).until(() -> route(nameServer, "T").isPresent());
        assertThat(sent).hasValue(1);
    }

    @Test
    void registersAtOnceWhenARefusedRegistrationCanNowBeSignedWithoutWaitingForTheConnectionCheck() {
        NameServer nameServer = startNameServer(0, (context, request) ->
                request.code() != RequestCode.REGISTER_BROKER || request.extField("Signature") != null
                        ? AuthorizationDecision.ALLOW
                        : AuthorizationDecision.deny("unsigned"));
        AtomicBoolean credentialArrived = new AtomicBoolean();
        AtomicInteger unsigned = new AtomicInteger();
        NameServerRegistrar registrar = startWithoutTimerRetries(nameServer, request -> {
            if (credentialArrived.get()) {
                Map<String, String> signed = new HashMap<>(request.extFields());
                signed.put("Signature", "s");
                return request.withExtFields(signed);
            }
            unsigned.incrementAndGet();
            return request;
        });
        await().atMost(SLOW_MACHINE).until(() -> unsigned.get() == 1);
        assertThat(route(nameServer, "T")).isEmpty();

        credentialArrived.set(true);
        registrar.registerWhereUnregistered();

        await().atMost(SLOW_MACHINE).until(() -> route(nameServer, "T").isPresent());
    }

    @Test
    void reRegistersWithARestartedNameServerLongBeforeTheRegisterInterval() {
        NameServer nameServer = startNameServer(0);
        int port = nameServer.port();
        startRegistrar(nameServer);
        await().atMost(Duration.ofSeconds(5)).until(() -> route(nameServer, "T").isPresent());

        nameServer.close();
        NameServer restarted = startNameServer(port);

        await().atMost(Duration.ofSeconds(5)).until(() -> route(restarted, "T").isPresent());
    }

    @Test
    void registerAllPublishesATopicTableChangeAtOnce() {
        NameServer nameServer = startNameServer(0);
        NameServerRegistrar registrar = startRegistrar(nameServer);
        await().atMost(Duration.ofSeconds(5)).until(() -> route(nameServer, "T").isPresent());

        topics.add(TopicConfig.of("Created", 2, READ_WRITE));
        registrar.registerAll().join();

        assertThat(route(nameServer, "Created")).isPresent();
    }

    @Test
    void unregisterAllRemovesTheBrokersRoutesWhileItsConnectionStaysOpen() {
        NameServer nameServer = startNameServer(0);
        NameServerRegistrar registrar = startRegistrar(nameServer);
        await().atMost(Duration.ofSeconds(5)).until(() -> route(nameServer, "T").isPresent());

        registrar.unregisterAll().join();

        assertThat(route(nameServer, "T")).isEmpty();
    }
}
