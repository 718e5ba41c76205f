package io.cloudmq.bench.client;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.rocketmq.remoting.RPCHook;
import org.jspecify.annotations.Nullable;

/**
 * Apache RocketMQ 5.5.0's name server and broker, started through their official entry points
 * ({@code NamesrvStartup}, {@code BrokerStartup} with {@code -c <conf>}) as separate JVMs on their own classpath
 * ({@code bench/target/rocketmq-5.5.0/lib}, filled by the {@code bench-rocketmq} Maven profile). The broker is an
 * ASYNC_MASTER with the given flush mode, topic auto-creation off and other settings default (1 GiB commit-log
 * files); topics are created with the admin request, groups by the broker's default subscription-group
 * auto-creation. Requests are not signed (no ACL).
 *
 * <p>Threading: one thread.
 */
final class RocketMqBroker implements BrokerUnderTest {
    private static final Duration START_DEADLINE = Duration.ofSeconds(60);

    private final List<ChildJvm> jvms = new ArrayList<>();
    private final int nameServerPort;
    private final int brokerPort;
    private double portMillis;
    private double registeredMillis;
    private @Nullable RouteProbe probe;

    private RocketMqBroker(int nameServerPort, int brokerPort) {
        this.nameServerPort = nameServerPort;
        this.brokerPort = brokerPort;
    }

    /**
     * Starts a name server and a broker from the jars in {@code lib} under {@code dir}.
     *
     * @param flushDiskType {@code ASYNC_FLUSH} or {@code SYNC_FLUSH}
     */
    static RocketMqBroker start(Path lib, Path dir, String flushDiskType, List<String> nameServerJvmArgs,
            List<String> brokerJvmArgs) throws Exception {
        // the broker also binds listenPort - 2 (fast channel) and listenPort + 1 (HA)
        RocketMqBroker cluster = new RocketMqBroker(Ports.free(0), Ports.free(-2, 0, 1));
        try {
            cluster.startNodes(lib, dir, flushDiskType, nameServerJvmArgs, brokerJvmArgs);
        } catch (Exception | Error e) {
            cluster.close();
            throw e;
        }
        return cluster;
    }

    private void startNodes(Path lib, Path dir, String flushDiskType, List<String> nameServerJvmArgs,
            List<String> brokerJvmArgs) throws Exception {
        Path home = Files.createDirectories(dir.resolve("rocketmq-home"));
        Path nameServerConf = dir.resolve("namesrv.conf");
        Files.writeString(nameServerConf, "listenPort=" + nameServerPort + "\n");
        ChildJvm nameServer = startJvm("namesrv", dir, home, lib, nameServerJvmArgs,
                "org.apache.rocketmq.namesrv.NamesrvStartup", nameServerConf);
        Ports.awaitAccepting(nameServerPort, nameServer, START_DEADLINE);
        RouteProbe started = new RouteProbe(nameServerAddress(), null, "rocketmq");
        probe = started;

        Path brokerConf = dir.resolve("broker.conf");
        Files.writeString(brokerConf, String.join("\n",
                "brokerClusterName=DefaultCluster",
                "brokerName=" + BROKER_NAME,
                "brokerId=0",
                "brokerRole=ASYNC_MASTER",
                "brokerIP1=127.0.0.1",
                "bindAddress=127.0.0.1",
                "namesrvAddr=" + nameServerAddress(),
                "listenPort=" + brokerPort,
                "haListenPort=" + (brokerPort + 1),
                "storePathRootDir=" + Files.createDirectories(dir.resolve("store")),
                "flushDiskType=" + flushDiskType,
                "autoCreateTopicEnable=false",
                ""));
        ChildJvm broker = startJvm("broker", dir, home, lib, brokerJvmArgs,
                "org.apache.rocketmq.broker.BrokerStartup", brokerConf);
        portMillis = Ports.awaitAccepting(brokerPort, broker, START_DEADLINE);
        registeredMillis = started.awaitRegistered(BROKER_NAME, broker, START_DEADLINE);
    }

    private ChildJvm startJvm(String name, Path dir, Path home, Path lib, List<String> jvmArgs, String mainClass,
            Path conf) throws Exception {
        List<String> args = new ArrayList<>(jvmArgs);
        // logs go under user.home; rocketmq.home.dir is required by both entry points
        args.addAll(List.of("-Duser.home=" + home, "-Drocketmq.home.dir=" + home, "-cp", lib + "/*"));
        ChildJvm jvm = ChildJvm.start(name, dir, args, List.of(mainClass, "-c", conf.toString()));
        jvms.add(jvm);
        return jvm;
    }

    @Override
    public String label() {
        return "RocketMQ 5.5.0";
    }

    @Override
    public String nameServerAddress() {
        return "127.0.0.1:" + nameServerPort;
    }

    @Override
    public @Nullable RPCHook rpcHook() {
        return null;
    }

    @Override
    public long brokerPid() {
        return jvms.get(1).pid();
    }

    @Override
    public double portAcceptingMillis() {
        return portMillis;
    }

    @Override
    public double registeredMillis() {
        return registeredMillis;
    }

    @Override
    public void createTopic(String topic, int queues) throws Exception {
        RouteProbe started = Objects.requireNonNull(probe);
        started.createTopic("127.0.0.1:" + brokerPort, topic, queues);
        started.awaitRoute(topic, START_DEADLINE);
    }

    @Override
    public void createGroup(String group) {
        // autoCreateSubscriptionGroup (default true) creates it at the consumer's first heartbeat
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
