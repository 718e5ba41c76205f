package io.cloudmq.dataplane.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cloudmq.api.node.NodeRole;
import io.cloudmq.dataplane.broker.transaction.TransactionCheckSettings;
import io.cloudmq.dataplane.replication.InSyncLimits;
import io.cloudmq.dataplane.store.flush.FlushMode;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NodeConfigLoaderTest {
    private static final String TOKEN = "0123456789abcdef";
    private static final String BROKER = """
            role=broker
            node.id=broker-a-0
            data.dir=%s
            listen.port=10911
            broker.name=broker-a
            broker.id=0
            namesrv.addr=127.0.0.1:9876; 127.0.0.1:9877
            admin.token=%s
            """;

    @TempDir
    Path dir;

    private String[] configFile(String content) throws IOException {
        Path file = dir.resolve("node.properties");
        Files.writeString(file, content);
        return new String[] {"--config", file.toString()};
    }

    private String broker() {
        return BROKER.formatted(dir.resolve("data"), TOKEN);
    }

    @Test
    void readsBrokerFromFileWithDefaults() throws Exception {
        NodeConfig config = NodeConfigLoader.load(configFile(broker()), Map.of()).config();

        assertThat(config.role()).isEqualTo(NodeRole.BROKER);
        assertThat(config.nodeId()).isEqualTo("broker-a-0");
        assertThat(config.cluster()).isEqualTo("local");
        assertThat(config.dataDir()).isEqualTo(dir.resolve("data"));
        assertThat(config.listenPort()).isEqualTo(10911);
        assertThat(config.adminPort()).isEqualTo(11911);
        assertThat(config.advertisedHost()).isEqualTo("127.0.0.1");
        assertThat(config.brokerName()).isEqualTo("broker-a");
        assertThat(config.brokerId()).isZero();
        assertThat(config.brokerRole()).isEqualTo(BrokerRole.SYNC_MASTER);
        assertThat(config.masterAddress()).isNull();
        assertThat(config.namesrvAddresses()).containsExactly("127.0.0.1:9876", "127.0.0.1:9877");
        assertThat(config.adminToken().value()).isEqualTo(TOKEN);
        assertThat(config.parentWatch()).isFalse();
        assertThat(config.controlPlane()).isNull();
        assertThat(config.transactionChecks()).isEqualTo(TransactionCheckSettings.defaults());
        assertThat(config.replicationInSync()).isEqualTo(new InSyncLimits(64L * 1024 * 1024, Duration.ofSeconds(3)));
    }

    @Test
    void replicationInSyncLimitsAreConfigurableAndMustBePositive() throws Exception {
        NodeConfig config = NodeConfigLoader.load(configFile(broker()
                + "replication.in-sync.max-lag.bytes=4294967296\nreplication.in-sync.max-lag.ms=2000\n"),
                Map.of("CLOUDMQ_REPLICATION_IN_SYNC_MAX_LAG_MS", "1500")).config();

        assertThat(config.replicationInSync()).isEqualTo(new InSyncLimits(4L << 30, Duration.ofMillis(1500)));
        assertThatThrownBy(() -> NodeConfigLoader.load(configFile(broker()
                        + "replication.in-sync.max-lag.bytes=0\nreplication.in-sync.max-lag.ms=-1\n"), Map.of()))
                .isInstanceOfSatisfying(InvalidNodeConfigException.class, e -> assertThat(e.problems())
                        .hasSize(2)
                        .anyMatch(p -> p.startsWith("replication.in-sync.max-lag.bytes: \"0\" is invalid"))
                        .anyMatch(p -> p.startsWith("replication.in-sync.max-lag.ms: \"-1\" is invalid")));
    }

    @Test
    void transactionCheckTimingIsConfigurableAndMustBePositive() throws Exception {
        NodeConfig config = NodeConfigLoader.load(configFile(broker()
                + "transaction.check.interval.ms=500\ntransaction.check.timeout.ms=200\ntransaction.check.max=2\n"),
                Map.of()).config();

        assertThat(config.transactionChecks()).isEqualTo(
                new TransactionCheckSettings(Duration.ofMillis(500), Duration.ofMillis(200), 2));
        assertThatThrownBy(() -> NodeConfigLoader.load(configFile(broker() + "transaction.check.max=0\n"), Map.of()))
                .isInstanceOfSatisfying(InvalidNodeConfigException.class, e -> assertThat(e.problems())
                        .singleElement().asString().startsWith("transaction.check.max: \"0\" is invalid"));
    }

    @Test
    void environmentWinsOverFile() throws Exception {
        Map<String, String> env = Map.of(
                "CLOUDMQ_LISTEN_PORT", "20911",
                "CLOUDMQ_ADMIN_PORT", "30000",
                "CLOUDMQ_PARENT_WATCH", "TRUE",
                "CLOUDMQ_CLUSTER", "prod-1",
                "CLOUDMQ_NODE_ID", " ");

        NodeConfig config = NodeConfigLoader.load(configFile(broker()), env).config();

        assertThat(config.listenPort()).isEqualTo(20911);
        assertThat(config.adminPort()).isEqualTo(30000);
        assertThat(config.parentWatch()).isTrue();
        assertThat(config.cluster()).isEqualTo("prod-1");
        assertThat(config.nodeId()).as("a blank variable does not override").isEqualTo("broker-a-0");
    }

    @Test
    void environmentAloneConfiguresANameServer() throws Exception {
        Map<String, String> env = Map.of(
                "CLOUDMQ_ROLE", "namesrv",
                "CLOUDMQ_NODE_ID", "namesrv-0",
                "CLOUDMQ_DATA_DIR", dir.toString(),
                "CLOUDMQ_LISTEN_PORT", "9876",
                "CLOUDMQ_ADVERTISED_HOST", "namesrv-0",
                "CLOUDMQ_ADMIN_TOKEN", TOKEN,
                "CLOUDMQ_CONTROL_PLANE_URL", "http://control-plane:8080/",
                "CLOUDMQ_BOOTSTRAP_TOKEN", "boot");

        NodeConfig config = NodeConfigLoader.load(new String[0], env).config();

        assertThat(config.role()).isEqualTo(NodeRole.NAMESRV);
        assertThat(config.brokerName()).isNull();
        assertThat(config.brokerId()).isNull();
        assertThat(config.advertisedHost()).isEqualTo("namesrv-0");
        assertThat(config.controlPlane()).isNotNull();
        assertThat(config.controlPlane().url()).isEqualTo(URI.create("http://control-plane:8080"));
        assertThat(config.controlPlane().bootstrapToken().value()).isEqualTo("boot");
    }

    @Test
    void reportsEveryMissingRequiredKey() {
        assertThatThrownBy(() -> NodeConfigLoader.load(new String[0], Map.of()))
                .isInstanceOfSatisfying(InvalidNodeConfigException.class, e -> assertThat(e.problems())
                        .anyMatch(p -> p.startsWith("role: missing") && p.contains("CLOUDMQ_ROLE"))
                        .anyMatch(p -> p.startsWith("node.id: missing"))
                        .anyMatch(p -> p.startsWith("data.dir: missing"))
                        .anyMatch(p -> p.startsWith("listen.port: missing"))
                        .anyMatch(p -> p.startsWith("admin.token: missing")));
    }

    @Test
    void rejectsInvalidValuesNamingTheirSource() throws IOException {
        String[] args = configFile(broker() + "cluster=Prod\nparent.watch=yes\nbroker.id=-1\n");
        Map<String, String> env = Map.of("CLOUDMQ_LISTEN_PORT", "70000");

        assertThatThrownBy(() -> NodeConfigLoader.load(args, env))
                .isInstanceOfSatisfying(InvalidNodeConfigException.class, e -> assertThat(e.problems())
                        .anyMatch(p -> p.startsWith("listen.port: \"70000\"") && p.contains("env CLOUDMQ_LISTEN_PORT"))
                        .anyMatch(p -> p.startsWith("cluster: \"Prod\"") && p.contains("file "))
                        .anyMatch(p -> p.startsWith("parent.watch: \"yes\""))
                        .anyMatch(p -> p.startsWith("broker.id: \"-1\"")));
    }

    @Test
    void rejectsUnknownRole() throws IOException {
        String[] args = configFile(broker());

        assertThatThrownBy(() -> NodeConfigLoader.load(args, Map.of("CLOUDMQ_ROLE", "proxy")))
                .hasMessage("role: \"proxy\" is invalid, must be namesrv or broker (from env CLOUDMQ_ROLE)");
    }

    @Test
    void brokerNeedsItsGroupAndNameServers() throws IOException {
        String[] args = configFile("role=broker\nnode.id=b\ndata.dir=d\nlisten.port=10911\nadmin.token=" + TOKEN
                + "\nnamesrv.addr=localhost\n");

        assertThatThrownBy(() -> NodeConfigLoader.load(args, Map.of()))
                .isInstanceOfSatisfying(InvalidNodeConfigException.class, e -> assertThat(e.problems())
                        .anyMatch(p -> p.startsWith("broker.name: missing"))
                        .anyMatch(p -> p.startsWith("broker.id: missing"))
                        .anyMatch(p -> p.contains("\"localhost\" is not host:port")));
    }

    @Test
    void aSlaveDefaultsToRoleSlaveAndNeedsItsMastersAddress() throws Exception {
        String[] args = configFile(broker().replace("broker.id=0", "broker.id=1"));

        assertThatThrownBy(() -> NodeConfigLoader.load(args, Map.of()))
                .isInstanceOfSatisfying(InvalidNodeConfigException.class, e -> assertThat(e.problems())
                        .containsExactly("master.addr: missing (set it in the config file or as env CLOUDMQ_MASTER_ADDR)"));
        NodeConfig config = NodeConfigLoader.load(args, Map.of("CLOUDMQ_MASTER_ADDR", "10.0.0.1:10911")).config();
        assertThat(config.brokerRole()).isEqualTo(BrokerRole.SLAVE);
        assertThat(config.masterAddress()).isEqualTo("10.0.0.1:10911");
    }

    @Test
    void theRoleComesFromTheEnvironmentAndMustFitTheBrokerId() throws Exception {
        String[] args = configFile(broker());

        assertThat(NodeConfigLoader.load(args, Map.of("CLOUDMQ_BROKER_ROLE", "async_master")).config().brokerRole())
                .isEqualTo(BrokerRole.ASYNC_MASTER);
        assertThatThrownBy(() -> NodeConfigLoader.load(args, Map.of("CLOUDMQ_BROKER_ROLE", "SLAVE")))
                .isInstanceOfSatisfying(InvalidNodeConfigException.class, e -> assertThat(e.problems())
                        .anyMatch(p -> p.startsWith("broker.role: SLAVE does not fit broker.id 0")));
        assertThatThrownBy(() -> NodeConfigLoader.load(args, Map.of("CLOUDMQ_MASTER_ADDR", "10.0.0.1:10911")))
                .isInstanceOfSatisfying(InvalidNodeConfigException.class, e -> assertThat(e.problems())
                        .anyMatch(p -> p.startsWith("master.addr: is only valid for a SLAVE")));
    }

    @Test
    void aMasterNamesItsSlavesAndTheRestartFenceTimeoutDefaultsToAMinute() throws Exception {
        String[] args = configFile(broker());

        NodeConfig plain = NodeConfigLoader.load(args, Map.of()).config();
        NodeConfig named = NodeConfigLoader.load(args, Map.of("CLOUDMQ_SLAVE_ADDR", "10.0.0.2:10921; 10.0.0.3:10931",
                "CLOUDMQ_RESTART_FENCE_TIMEOUT_MS", "5000")).config();

        assertThat(plain.slaveAddresses()).isEmpty();
        assertThat(plain.restartFenceTimeout()).isEqualTo(Duration.ofSeconds(60));
        assertThat(named.slaveAddresses()).containsExactly("10.0.0.2:10921", "10.0.0.3:10931");
        assertThat(named.restartFenceTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(named.promoted(BrokerRole.SYNC_MASTER, 1).slaveAddresses()).as("a promoted slave waits for none")
                .isEmpty();
        assertThatThrownBy(() -> NodeConfigLoader.load(args, Map.of("CLOUDMQ_SLAVE_ADDR", "nohost")))
                .isInstanceOfSatisfying(InvalidNodeConfigException.class, e -> assertThat(e.problems())
                        .anyMatch(p -> p.startsWith("slave.addr:") && p.contains("\"nohost\" is not host:port")));
        String[] slave = configFile(broker().replace("broker.id=0", "broker.id=1"));
        assertThatThrownBy(() -> NodeConfigLoader.load(slave,
                Map.of("CLOUDMQ_MASTER_ADDR", "10.0.0.1:10911", "CLOUDMQ_SLAVE_ADDR", "10.0.0.2:10921")))
                .isInstanceOfSatisfying(InvalidNodeConfigException.class, e -> assertThat(e.problems())
                        .anyMatch(p -> p.startsWith("slave.addr: is only valid for a master")));
    }

    @Test
    void theBrokerEpochDefaultsToZeroAndMustBeANonNegativeInteger() throws Exception {
        String[] args = configFile(broker());

        assertThat(NodeConfigLoader.load(args, Map.of()).config().brokerEpoch()).isZero();
        assertThat(NodeConfigLoader.load(args, Map.of("CLOUDMQ_BROKER_EPOCH", "7")).config().brokerEpoch()).isEqualTo(7);
        assertThatThrownBy(() -> NodeConfigLoader.load(args, Map.of("CLOUDMQ_BROKER_EPOCH", "-1")))
                .isInstanceOfSatisfying(InvalidNodeConfigException.class, e -> assertThat(e.problems())
                        .anyMatch(p -> p.startsWith("broker.epoch: \"-1\" is invalid, must be an integer of at least 0")));
    }

    @Test
    void theFlushModeDefaultsToAsyncAndAcceptsOnlyTheTwoModes() throws Exception {
        String[] args = configFile(broker());

        assertThat(NodeConfigLoader.load(args, Map.of()).config().flushMode()).isEqualTo(FlushMode.ASYNC_FLUSH);
        assertThat(NodeConfigLoader.load(args, Map.of("CLOUDMQ_STORE_FLUSH_MODE", "sync_flush")).config().flushMode())
                .isEqualTo(FlushMode.SYNC_FLUSH);
        assertThatThrownBy(() -> NodeConfigLoader.load(args, Map.of("CLOUDMQ_STORE_FLUSH_MODE", "EVERY_PUT")))
                .isInstanceOfSatisfying(InvalidNodeConfigException.class, e -> assertThat(e.problems())
                        .anyMatch(p -> p.startsWith("store.flush.mode:") && p.contains("ASYNC_FLUSH or SYNC_FLUSH")));
    }

    @Test
    void refusesBrokerKeysForANameServer() throws IOException {
        String[] args = configFile("role=namesrv\nnode.id=n\ndata.dir=d\nlisten.port=9876\nadmin.token=" + TOKEN
                + "\nbroker.name=broker-a\n");

        assertThatThrownBy(() -> NodeConfigLoader.load(args, Map.of()))
                .isInstanceOfSatisfying(InvalidNodeConfigException.class, e -> assertThat(e.problems())
                        .containsExactly("broker.name: is only valid for role broker (from file " + args[1] + ")"));
    }

    @Test
    void rejectsShortTokenAndClashingPorts() throws IOException {
        String[] args = configFile(broker() + "admin.port=10911\n");

        assertThatThrownBy(() -> NodeConfigLoader.load(args, Map.of("CLOUDMQ_ADMIN_TOKEN", "short")))
                .isInstanceOfSatisfying(InvalidNodeConfigException.class, e -> assertThat(e.problems())
                        .anyMatch(p -> p.startsWith("admin.token: \"short\""))
                        .anyMatch(p -> p.startsWith("admin.port: must differ from listen.port")));
    }

    @Test
    void needsBothControlPlaneUrlAndBootstrapToken() throws IOException {
        String[] withoutToken = configFile(broker() + "control.plane.url=http://cp:8080\n");
        assertThatThrownBy(() -> NodeConfigLoader.load(withoutToken, Map.of()))
                .hasMessageContaining("bootstrap.token: missing");

        String[] withoutUrl = configFile(broker() + "bootstrap.token=boot\n");
        assertThatThrownBy(() -> NodeConfigLoader.load(withoutUrl, Map.of()))
                .hasMessageContaining("bootstrap.token: is only used together with control.plane.url");

        String[] badUrl = configFile(broker() + "control.plane.url=ftp://cp\nbootstrap.token=boot\n");
        assertThatThrownBy(() -> NodeConfigLoader.load(badUrl, Map.of()))
                .hasMessageContaining("control.plane.url: \"ftp://cp\" is not an absolute http or https URL");
    }

    @Test
    void adminUrlOverridesTheAdvertisedOneOnlyForRegistration() throws Exception {
        String[] withAdminUrl = configFile(broker()
                + "control.plane.url=http://cp:8080\nbootstrap.token=boot\nadmin.url=http://broker-a-0:11911\n");
        NodeConfig config = NodeConfigLoader.load(withAdminUrl, Map.of()).config();
        assertThat(config.controlPlane().adminUrl()).isEqualTo(URI.create("http://broker-a-0:11911"));

        String[] withoutUrl = configFile(broker() + "admin.url=http://broker-a-0:11911\n");
        assertThatThrownBy(() -> NodeConfigLoader.load(withoutUrl, Map.of()))
                .hasMessageContaining("admin.url: is only used together with control.plane.url");

        String[] badAdminUrl = configFile(broker()
                + "control.plane.url=http://cp:8080\nbootstrap.token=boot\nadmin.url=broker-a-0\n");
        assertThatThrownBy(() -> NodeConfigLoader.load(badAdminUrl, Map.of()))
                .hasMessageContaining("admin.url: \"broker-a-0\" is not an absolute http or https URL");
    }

    @Test
    void reportsUnknownFileKeysWithoutFailing() throws Exception {
        var loaded = NodeConfigLoader.load(configFile(broker() + "replication.port=10912\n"), Map.of());

        assertThat(loaded.unknownKeys()).containsExactly("replication.port");
    }

    @Test
    void rejectsMissingFileAndBadArguments() {
        String missing = dir.resolve("absent.properties").toString();
        assertThatThrownBy(() -> NodeConfigLoader.load(new String[] {"--config=" + missing}, Map.of()))
                .hasMessage("--config: file " + missing + " does not exist");
        assertThatThrownBy(() -> NodeConfigLoader.load(new String[] {"--config"}, Map.of()))
                .hasMessageStartingWith("usage: ");
        assertThatThrownBy(() -> NodeConfigLoader.load(new String[] {"broker"}, Map.of()))
                .hasMessageStartingWith("usage: ");
    }

    @Test
    void defaultAdminPortMustFit() throws IOException {
        String[] args = configFile(broker().replace("listen.port=10911", "listen.port=65000"));

        assertThatThrownBy(() -> NodeConfigLoader.load(args, Map.of()))
                .hasMessageContaining("admin.port: missing, and listen.port + 1000 is above 65535");
    }

    @Test
    void neverPrintsTokens() throws Exception {
        NodeConfig config = NodeConfigLoader.load(configFile(broker()), Map.of()).config();

        assertThat(config.toString()).doesNotContain(TOKEN);
    }
}
