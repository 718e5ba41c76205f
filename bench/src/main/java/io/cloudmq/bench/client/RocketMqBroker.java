package io.cloudmq.bench.client;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.Properties;
import org.apache.rocketmq.remoting.RPCHook;
import org.jspecify.annotations.Nullable;

/**
 * Apache RocketMQ 5.5.0's name server and broker, started through their official entry points
 * ({@code NamesrvStartup}, {@code BrokerStartup} with {@code -c <conf>}) as separate JVMs on their own classpath
 * ({@code bench/target/rocketmq-5.5.0/lib}, filled by the {@code bench-rocketmq} Maven profile). The master
 * (broker id 0) has the role, flush mode and further settings of its {@link GroupSetup}, topic auto-creation off
 * and other settings default (1 GiB commit-log files); an optional slave (broker id 1, {@code SLAVE}) runs with
 * its own store, home and ports, replicating over the master's HA port (listen port + 1). Topics are created on
 * the master with the admin request, groups by the broker's default subscription-group auto-creation. Requests
 * are not signed (no ACL).
 *
 * <p>Threading: one thread.
 */
final class RocketMqBroker implements BrokerUnderTest {
    private static final Duration START_DEADLINE = Duration.ofMinutes(3);

    private final List<ChildJvm> jvms = new ArrayList<>();
    private final int nameServerPort;
    private final int brokerPort;
    private @Nullable StartTimes firstStart;
    private @Nullable RouteProbe probe;

    private RocketMqBroker(int nameServerPort, int brokerPort) {
        this.nameServerPort = nameServerPort;
        this.brokerPort = brokerPort;
    }

    /**
     * Starts a name server and the broker group {@code setup} describes from the jars in {@code lib} under
     * {@code dir}; with a slave, returns once the master's HA status counts it in sync.
     */
    static RocketMqBroker start(Path lib, Path dir, GroupSetup setup, List<String> nameServerJvmArgs,
            List<String> brokerJvmArgs) throws Exception {
        RocketMqBroker cluster = new RocketMqBroker(Ports.free(0), freeBrokerPort());
        try {
            cluster.startNodes(lib, dir, setup, nameServerJvmArgs, brokerJvmArgs);
        } catch (Exception | Error e) {
            cluster.close();
            throw e;
        }
        return cluster;
    }

    /** A free listen port; the broker also binds listenPort - 2 (fast channel) and listenPort + 1 (HA). */
    private static int freeBrokerPort() {
        return Ports.free(-2, 0, 1);
    }

    private void startNodes(Path lib, Path dir, GroupSetup setup, List<String> nameServerJvmArgs,
            List<String> brokerJvmArgs) throws Exception {
        Path home = Files.createDirectories(dir.resolve("rocketmq-home"));
        Path nameServerConf = dir.resolve("namesrv.conf");
        Files.writeString(nameServerConf, "listenPort=" + nameServerPort + "\n");
        ChildJvm nameServer = startJvm("namesrv", dir, home, lib, nameServerJvmArgs,
                "org.apache.rocketmq.namesrv.NamesrvStartup", nameServerConf);
        Ports.awaitAccepting(nameServerPort, nameServer, START_DEADLINE);
        RouteProbe started = new RouteProbe(nameServerAddress(), null, "rocketmq");
        probe = started;

        Path brokerConf = brokerConf(dir, "broker", 0, setup.masterRole(), brokerPort, setup.flushMode(),
                setup.masterSettings());
        ChildJvm broker = startJvm("broker", dir, home, lib, brokerJvmArgs,
                "org.apache.rocketmq.broker.BrokerStartup", brokerConf);
        firstStart = StartTimes.await(broker, brokerPort, started, START_DEADLINE);
        checkApplied(started.brokerConfig("127.0.0.1:" + brokerPort), setup.masterSettings());
        if (setup.slave()) {
            // the slave learns the master's HA address from the name server's answer to its registration
            Path slaveConf = brokerConf(dir, "slave", 1, "SLAVE", freeBrokerPort(), setup.flushMode(), Map.of());
            ChildJvm slave = startJvm("slave", dir, Files.createDirectories(dir.resolve("slave-home")), lib,
                    brokerJvmArgs, "org.apache.rocketmq.broker.BrokerStartup", slaveConf);
            started.awaitSlaveInSync("127.0.0.1:" + brokerPort, slave, START_DEADLINE);
        }
    }

    /** Fails unless the broker runs with every one of {@code settings} (a misspelt key is silently ignored). */
    private static void checkApplied(Properties running, Map<String, String> settings) {
        settings.forEach((key, value) -> {
            if (!value.equals(running.getProperty(key))) {
                throw new IllegalStateException("the master runs with " + key + "=" + running.getProperty(key)
                        + ", not " + value);
            }
        });
    }

    private Path brokerConf(Path dir, String name, int brokerId, String role, int port, String flushDiskType,
            Map<String, String> settings) throws IOException {
        List<String> lines = new ArrayList<>(List.of(
                "brokerClusterName=DefaultCluster",
                "brokerName=" + BROKER_NAME,
                "brokerId=" + brokerId,
                "brokerRole=" + role,
                "brokerIP1=127.0.0.1",
                "brokerIP2=127.0.0.1",
                "bindAddress=127.0.0.1",
                "namesrvAddr=" + nameServerAddress(),
                "listenPort=" + port,
                "haListenPort=" + (port + 1),
                "storePathRootDir=" + Files.createDirectories(dir.resolve(name + "-store")),
                "flushDiskType=" + flushDiskType,
                "autoCreateTopicEnable=false"));
        settings.forEach((key, value) -> lines.add(key + "=" + value));
        Path conf = dir.resolve(name + ".conf");
        Files.writeString(conf, String.join("\n", lines) + "\n");
        return conf;
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
