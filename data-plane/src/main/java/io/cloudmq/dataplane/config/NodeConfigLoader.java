package io.cloudmq.dataplane.config;

import io.cloudmq.api.node.NodeRole;
import io.cloudmq.dataplane.broker.transaction.TransactionCheckSettings;
import io.cloudmq.dataplane.replication.InSyncLimits;
import io.cloudmq.dataplane.store.flush.FlushMode;
import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * Reads a node's configuration from {@code --config <file>} (a properties file, optional) and from
 * environment variables, and validates it. Every key may be given as the variable {@code CLOUDMQ_} + key
 * upper-cased with {@code .} and {@code -} replaced by {@code _} (e.g. {@code node.id} → {@code CLOUDMQ_NODE_ID});
 * a non-blank variable wins over the file.
 *
 * <table>
 *   <caption>Keys</caption>
 *   <tr><th>key</th><th>required</th><th>default / rule</th></tr>
 *   <tr><td>role</td><td>yes</td><td>{@code namesrv} or {@code broker}</td></tr>
 *   <tr><td>node.id</td><td>yes</td><td>{@code [A-Za-z0-9][A-Za-z0-9._-]{0,63}}</td></tr>
 *   <tr><td>cluster</td><td>no</td><td>{@code local}; {@code [a-z0-9-]{1,32}}</td></tr>
 *   <tr><td>data.dir</td><td>yes</td><td>created if missing</td></tr>
 *   <tr><td>listen.port</td><td>yes</td><td>1–65535</td></tr>
 *   <tr><td>admin.port</td><td>no</td><td>listen.port + 1000; differs from listen.port</td></tr>
 *   <tr><td>advertised.host</td><td>no</td><td>{@code 127.0.0.1}</td></tr>
 *   <tr><td>broker.name</td><td>broker only</td><td>{@code [A-Za-z0-9_-]{1,64}}; refused for namesrv</td></tr>
 *   <tr><td>broker.id</td><td>broker only</td><td>integer ≥ 0; refused for namesrv</td></tr>
 *   <tr><td>broker.role</td><td>no, broker only</td><td>{@code ASYNC_MASTER}, {@code SYNC_MASTER} or
 *       {@code SLAVE}; default {@code SYNC_MASTER} for broker.id 0, {@code SLAVE} otherwise; a master has
 *       broker.id 0, a slave ≥ 1</td></tr>
 *   <tr><td>master.addr</td><td>for a SLAVE</td><td>the master's remoting {@code host:port} (it replicates
 *       from port + 1); refused for a master</td></tr>
 *   <tr><td>broker.epoch</td><td>no, broker only</td><td>integer ≥ 0, default 0: the group's leadership
 *       epoch as the control plane knows it (raised by every failover); a master whose store has an older
 *       last term starts the term at its log's end</td></tr>
 *   <tr><td>store.flush.mode</td><td>no, broker only</td><td>{@code ASYNC_FLUSH} (default) or
 *       {@code SYNC_FLUSH}: a send is answered only after an fsync covers it</td></tr>
 *   <tr><td>slave.addr</td><td>no, master only</td><td>the group's slaves' remoting {@code host:port;host:port};
 *       refused for a SLAVE. A SYNC_MASTER that names a slave starts write-fenced until a slave is in sync
 *       (at most restart.fence.timeout.ms); without it, it opens writes at once (unless a drain left its
 *       marker)</td></tr>
 *   <tr><td>restart.fence.timeout.ms</td><td>no, broker only</td><td>60000; integer ≥ 0: how long a
 *       write-fenced start waits for a slave in sync before it opens writes anyway (above the slave's 5 s
 *       reconnect back-off and a catch-up of a restart's backlog; below the minutes an unattended group may
 *       stay read-only)</td></tr>
 *   <tr><td>namesrv.addr</td><td>broker only</td><td>{@code host:port;host:port}</td></tr>
 *   <tr><td>admin.token</td><td>yes</td><td>≥ 16 characters, no whitespace</td></tr>
 *   <tr><td>parent.watch</td><td>no</td><td>{@code false}; {@code true} = EOF on stdin shuts down</td></tr>
 *   <tr><td>control.plane.url</td><td>no</td><td>absolute http(s) URL; needs bootstrap.token</td></tr>
 *   <tr><td>bootstrap.token</td><td>with url</td><td>no whitespace; refused without control.plane.url</td></tr>
 *   <tr><td>admin.url</td><td>no</td><td>the admin API's URL as the control plane reaches it;
 *       {@code http://<advertised.host>:<admin.port>}; refused without control.plane.url</td></tr>
 *   <tr><td>drain.fence.timeout.ms, drain.shutdown.propagate.ms, drain.sends.quiet.ms,
 *       drain.sends.timeout.ms, drain.writes.timeout.ms, drain.replica.timeout.ms,
 *       drain.consumers.timeout.ms, drain.close.quiet.ms, drain.close.grace.ms</td><td>no</td><td>integer ≥ 0; {@link DrainConfig#defaults()}</td></tr>
 *   <tr><td>transaction.check.interval.ms</td><td>no, broker only</td><td>30000; how often unresolved halves
 *       are scanned; integer ≥ 1</td></tr>
 *   <tr><td>transaction.check.timeout.ms</td><td>no, broker only</td><td>6000; age below which a half is not
 *       checked yet; integer ≥ 1</td></tr>
 *   <tr><td>transaction.check.max</td><td>no, broker only</td><td>15; checks before an unresolved half is
 *       rolled back; integer ≥ 1</td></tr>
 *   <tr><td>replication.in-sync.max-lag.bytes</td><td>no, broker only</td><td>67108864 (64 MiB); integer ≥ 1: a
 *       slave further behind its master's end is not in sync</td></tr>
 *   <tr><td>replication.in-sync.max-lag.ms</td><td>no, broker only</td><td>3000; integer ≥ 1: a slave last
 *       caught up with its master longer ago is not in sync (a SYNC_MASTER answers {@code SLAVE_NOT_AVAILABLE}
 *       without a slave in sync)</td></tr>
 * </table>
 *
 * <p>Unknown keys in the file are not an error (a newer launcher may pass keys an older node does not
 * know); they are reported in {@link LoadedNodeConfig#unknownKeys()}. Stateless and thread-safe.
 */
public final class NodeConfigLoader {
    public static final String ENV_PREFIX = "CLOUDMQ_";

    static final String ROLE = "role";
    static final String NODE_ID = "node.id";
    static final String CLUSTER = "cluster";
    static final String DATA_DIR = "data.dir";
    static final String LISTEN_PORT = "listen.port";
    static final String ADMIN_PORT = "admin.port";
    static final String ADVERTISED_HOST = "advertised.host";
    static final String BROKER_NAME = "broker.name";
    static final String BROKER_ID = "broker.id";
    static final String BROKER_ROLE = "broker.role";
    static final String MASTER_ADDR = "master.addr";
    static final String SLAVE_ADDR = "slave.addr";
    static final String RESTART_FENCE_TIMEOUT = "restart.fence.timeout.ms";
    static final Duration DEFAULT_RESTART_FENCE_TIMEOUT = Duration.ofSeconds(60);
    static final String BROKER_EPOCH = "broker.epoch";
    static final String STORE_FLUSH_MODE = "store.flush.mode";
    static final String NAMESRV_ADDR = "namesrv.addr";
    static final String ADMIN_TOKEN = "admin.token";
    static final String PARENT_WATCH = "parent.watch";
    static final String CONTROL_PLANE_URL = "control.plane.url";
    static final String BOOTSTRAP_TOKEN = "bootstrap.token";
    static final String ADMIN_URL = "admin.url";
    static final String DRAIN_FENCE_TIMEOUT = "drain.fence.timeout.ms";
    static final String DRAIN_SHUTDOWN_PROPAGATE = "drain.shutdown.propagate.ms";
    static final String DRAIN_SENDS_QUIET = "drain.sends.quiet.ms";
    static final String DRAIN_SENDS_TIMEOUT = "drain.sends.timeout.ms";
    static final String DRAIN_WRITES_TIMEOUT = "drain.writes.timeout.ms";
    static final String DRAIN_REPLICA_TIMEOUT = "drain.replica.timeout.ms";
    static final String DRAIN_CONSUMERS_TIMEOUT = "drain.consumers.timeout.ms";
    static final String DRAIN_CLOSE_QUIET = "drain.close.quiet.ms";
    static final String DRAIN_CLOSE_GRACE = "drain.close.grace.ms";
    private static final List<String> DRAIN_KEYS = List.of(DRAIN_FENCE_TIMEOUT, DRAIN_SHUTDOWN_PROPAGATE,
            DRAIN_SENDS_QUIET, DRAIN_SENDS_TIMEOUT, DRAIN_WRITES_TIMEOUT, DRAIN_REPLICA_TIMEOUT,
            DRAIN_CONSUMERS_TIMEOUT, DRAIN_CLOSE_QUIET, DRAIN_CLOSE_GRACE);
    static final String TRANSACTION_CHECK_INTERVAL = "transaction.check.interval.ms";
    static final String TRANSACTION_CHECK_TIMEOUT = "transaction.check.timeout.ms";
    static final String TRANSACTION_CHECK_MAX = "transaction.check.max";
    static final String REPLICATION_IN_SYNC_MAX_LAG_BYTES = "replication.in-sync.max-lag.bytes";
    static final String REPLICATION_IN_SYNC_MAX_LAG_MS = "replication.in-sync.max-lag.ms";

    static final Set<String> KEYS = Stream.concat(Stream.of(ROLE, NODE_ID, CLUSTER, DATA_DIR, LISTEN_PORT, ADMIN_PORT,
            ADVERTISED_HOST, BROKER_NAME, BROKER_ID, BROKER_ROLE, MASTER_ADDR, SLAVE_ADDR, RESTART_FENCE_TIMEOUT,
            BROKER_EPOCH, STORE_FLUSH_MODE, NAMESRV_ADDR, ADMIN_TOKEN, PARENT_WATCH, CONTROL_PLANE_URL, BOOTSTRAP_TOKEN,
            ADMIN_URL, TRANSACTION_CHECK_INTERVAL, TRANSACTION_CHECK_TIMEOUT, TRANSACTION_CHECK_MAX,
            REPLICATION_IN_SYNC_MAX_LAG_BYTES, REPLICATION_IN_SYNC_MAX_LAG_MS), DRAIN_KEYS.stream())
            .collect(Collectors.toUnmodifiableSet());

    static final int MIN_ADMIN_TOKEN_LENGTH = 16;
    static final int ADMIN_PORT_OFFSET = 1000;

    private static final Pattern NODE_ID_RULE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private static final Pattern CLUSTER_RULE = Pattern.compile("[a-z0-9-]{1,32}");
    private static final Pattern BROKER_NAME_RULE = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final Pattern HOST_RULE = Pattern.compile("[^\\s:;/]+");
    private static final Pattern ROLE_RULE = Pattern.compile("(?i)namesrv|broker");
    private static final Pattern BROKER_ROLE_RULE = Pattern.compile("(?i)ASYNC_MASTER|SYNC_MASTER|SLAVE");
    private static final Pattern FLUSH_MODE_RULE = Pattern.compile("(?i)ASYNC_FLUSH|SYNC_FLUSH");

    private NodeConfigLoader() {}

    /** A valid configuration plus the file keys that were ignored. */
    public record LoadedNodeConfig(NodeConfig config, Set<String> unknownKeys) {
        public LoadedNodeConfig {
            unknownKeys = Set.copyOf(unknownKeys);
        }
    }

    /** The environment variable that overrides {@code key}. */
    public static String envName(String key) {
        return ENV_PREFIX + key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    /**
     * Loads the configuration named by the command line ({@code --config <file>} or {@code --config=<file>},
     * or nothing for environment-only configuration) merged with {@code env}.
     */
    public static LoadedNodeConfig load(String[] args, Map<String, String> env) throws InvalidNodeConfigException {
        Map<String, ConfigValues.Raw> merged = new HashMap<>();
        Set<String> unknownKeys = new TreeSet<>();
        Path file = configFile(args);
        if (file != null) {
            Properties properties = readProperties(file);
            for (String key : properties.stringPropertyNames()) {
                String value = properties.getProperty(key).strip();
                if (!KEYS.contains(key)) {
                    unknownKeys.add(key);
                } else if (!value.isEmpty()) {
                    merged.put(key, new ConfigValues.Raw(value, "file " + file));
                }
            }
        }
        for (String key : KEYS) {
            String value = env.get(envName(key));
            if (value != null && !value.isBlank()) {
                merged.put(key, new ConfigValues.Raw(value.strip(), "env " + envName(key)));
            }
        }
        return new LoadedNodeConfig(validate(new ConfigValues(merged)), unknownKeys);
    }

    private static @Nullable Path configFile(String[] args) throws InvalidNodeConfigException {
        if (args.length == 0) {
            return null;
        }
        String path = null;
        if (args.length == 2 && args[0].equals("--config")) {
            path = args[1];
        } else if (args.length == 1 && args[0].startsWith("--config=")) {
            path = args[0].substring("--config=".length());
        }
        if (path == null || path.isBlank()) {
            throw new InvalidNodeConfigException(List.of(
                    "usage: java -jar cloudmq-node.jar [--config <node.properties>] (got " + String.join(" ", args) + ")"));
        }
        try {
            return Path.of(path);
        } catch (InvalidPathException e) {
            throw new InvalidNodeConfigException(List.of("--config: \"" + path + "\" is not a valid path"));
        }
    }

    private static Properties readProperties(Path file) throws InvalidNodeConfigException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
            return properties;
        } catch (NoSuchFileException e) {
            throw new InvalidNodeConfigException(List.of("--config: file " + file + " does not exist"));
        } catch (IOException | IllegalArgumentException e) {
            throw new InvalidNodeConfigException(List.of("--config: cannot read " + file + ": " + e.getMessage()));
        }
    }

    private static NodeConfig validate(ConfigValues values) throws InvalidNodeConfigException {
        String roleName = values.matching(ROLE, ROLE_RULE, "namesrv or broker", true);
        NodeRole role = roleName == null ? null : NodeRole.valueOf(roleName.toUpperCase(Locale.ROOT));
        String nodeId = values.matching(NODE_ID, NODE_ID_RULE, "letters, digits, '.', '_' or '-' (at most 64)", true);
        String cluster = values.matching(CLUSTER, CLUSTER_RULE, "lower-case letters, digits or '-' (at most 32)", false);
        Path dataDir = dataDir(values);
        Integer listenPort = values.port(LISTEN_PORT, null);
        Integer adminPort = adminPort(values, listenPort);
        String advertisedHost = values.matching(ADVERTISED_HOST, HOST_RULE, "a host name or IPv4 address", false);
        String adminToken = values.token(ADMIN_TOKEN, MIN_ADMIN_TOKEN_LENGTH);
        boolean parentWatch = values.bool(PARENT_WATCH, false);
        ControlPlaneEndpoint controlPlane = controlPlane(values);
        DrainConfig drain = drainConfig(values);

        String brokerName = null;
        Integer brokerId = null;
        BrokerRole brokerRole = null;
        String masterAddress = null;
        List<String> slaveAddresses = List.of();
        Duration restartFenceTimeout = DEFAULT_RESTART_FENCE_TIMEOUT;
        long brokerEpoch = 0;
        FlushMode flushMode = FlushMode.ASYNC_FLUSH;
        List<String> namesrvAddresses = List.of();
        TransactionCheckSettings transactionChecks = transactionChecks(values);
        InSyncLimits replicationInSync = replicationInSync(values);
        if (role == NodeRole.BROKER) {
            brokerName = values.matching(BROKER_NAME, BROKER_NAME_RULE, "letters, digits, '_' or '-' (at most 64)", true);
            brokerId = values.nonNegativeInt(BROKER_ID);
            brokerRole = brokerRole(values, brokerId);
            masterAddress = masterAddress(values, brokerRole);
            slaveAddresses = slaveAddresses(values, brokerRole);
            restartFenceTimeout = values.millis(RESTART_FENCE_TIMEOUT, DEFAULT_RESTART_FENCE_TIMEOUT);
            brokerEpoch = values.isSet(BROKER_EPOCH) ? Objects.requireNonNullElse(values.nonNegativeInt(BROKER_EPOCH), 0) : 0;
            flushMode = flushMode(values);
            namesrvAddresses = namesrvAddresses(values);
        } else if (role == NodeRole.NAMESRV) {
            for (String key : List.of(BROKER_NAME, BROKER_ID, BROKER_ROLE, MASTER_ADDR, SLAVE_ADDR, RESTART_FENCE_TIMEOUT,
                    BROKER_EPOCH, STORE_FLUSH_MODE, NAMESRV_ADDR, TRANSACTION_CHECK_INTERVAL, TRANSACTION_CHECK_TIMEOUT,
                    TRANSACTION_CHECK_MAX, REPLICATION_IN_SYNC_MAX_LAG_BYTES, REPLICATION_IN_SYNC_MAX_LAG_MS)) {
                refuseForNameServer(values, key);
            }
        }

        List<String> problems = values.problems();
        if (!problems.isEmpty()) {
            throw new InvalidNodeConfigException(problems);
        }
        return new NodeConfig(role, nodeId, cluster == null ? "local" : cluster, dataDir, listenPort, adminPort,
                advertisedHost == null ? "127.0.0.1" : advertisedHost, brokerName, brokerId, brokerRole, masterAddress,
                slaveAddresses, brokerEpoch, flushMode, namesrvAddresses,
                new Secret(adminToken), parentWatch, controlPlane, drain, restartFenceTimeout, transactionChecks,
                replicationInSync);
    }

    private static DrainConfig drainConfig(ConfigValues values) {
        DrainConfig defaults = DrainConfig.defaults();
        return new DrainConfig(
                values.millis(DRAIN_FENCE_TIMEOUT, defaults.fenceTimeout()),
                values.millis(DRAIN_SHUTDOWN_PROPAGATE, defaults.shutdownPropagate()),
                values.millis(DRAIN_SENDS_QUIET, defaults.sendsQuiet()),
                values.millis(DRAIN_SENDS_TIMEOUT, defaults.sendsTimeout()),
                values.millis(DRAIN_WRITES_TIMEOUT, defaults.writesTimeout()),
                values.millis(DRAIN_REPLICA_TIMEOUT, defaults.replicaTimeout()),
                values.millis(DRAIN_CONSUMERS_TIMEOUT, defaults.consumersTimeout()),
                values.millis(DRAIN_CLOSE_QUIET, defaults.closeQuiet()),
                values.millis(DRAIN_CLOSE_GRACE, defaults.closeGrace()));
    }

    private static TransactionCheckSettings transactionChecks(ConfigValues values) {
        TransactionCheckSettings defaults = TransactionCheckSettings.defaults();
        return new TransactionCheckSettings(
                Duration.ofMillis(values.positiveInt(TRANSACTION_CHECK_INTERVAL, (int) defaults.interval().toMillis())),
                Duration.ofMillis(values.positiveInt(TRANSACTION_CHECK_TIMEOUT, (int) defaults.timeout().toMillis())),
                values.positiveInt(TRANSACTION_CHECK_MAX, defaults.maxChecks()));
    }

    private static InSyncLimits replicationInSync(ConfigValues values) {
        InSyncLimits defaults = InSyncLimits.defaults();
        return new InSyncLimits(values.positiveLong(REPLICATION_IN_SYNC_MAX_LAG_BYTES, defaults.maxLagBytes()),
                Duration.ofMillis(values.positiveLong(REPLICATION_IN_SYNC_MAX_LAG_MS, defaults.maxLag().toMillis())));
    }

    private static @Nullable Path dataDir(ConfigValues values) {
        String value = values.required(DATA_DIR);
        if (value == null) {
            return null;
        }
        try {
            return Path.of(value).toAbsolutePath().normalize();
        } catch (InvalidPathException e) {
            values.reject(DATA_DIR, "is not a valid path");
            return null;
        }
    }

    private static @Nullable Integer adminPort(ConfigValues values, @Nullable Integer listenPort) {
        if (!values.isSet(ADMIN_PORT)) {
            if (listenPort != null && listenPort + ADMIN_PORT_OFFSET > 65535) {
                values.reject(ADMIN_PORT, "missing, and listen.port + " + ADMIN_PORT_OFFSET + " is above 65535");
                return null;
            }
            return listenPort == null ? null : listenPort + ADMIN_PORT_OFFSET;
        }
        Integer adminPort = values.port(ADMIN_PORT, null);
        if (adminPort != null && adminPort.equals(listenPort)) {
            values.reject(ADMIN_PORT, "must differ from listen.port");
        }
        return adminPort;
    }

    private static @Nullable BrokerRole brokerRole(ConfigValues values, @Nullable Integer brokerId) {
        String value = values.matching(BROKER_ROLE, BROKER_ROLE_RULE, "ASYNC_MASTER, SYNC_MASTER or SLAVE", false);
        if (brokerId == null) {
            return null;
        }
        BrokerRole role = value == null ? BrokerRole.defaultFor(brokerId) : BrokerRole.valueOf(value.toUpperCase(Locale.ROOT));
        if (role.isMaster() != (brokerId == 0)) {
            values.reject(BROKER_ROLE, role + " does not fit broker.id " + brokerId + " (a master has id 0, a slave ≥ 1)");
        }
        return role;
    }

    private static FlushMode flushMode(ConfigValues values) {
        String value = values.matching(STORE_FLUSH_MODE, FLUSH_MODE_RULE, "ASYNC_FLUSH or SYNC_FLUSH", false);
        return value == null ? FlushMode.ASYNC_FLUSH : FlushMode.valueOf(value.toUpperCase(Locale.ROOT));
    }

    private static @Nullable String masterAddress(ConfigValues values, @Nullable BrokerRole role) {
        if (role != BrokerRole.SLAVE) {
            if (values.isSet(MASTER_ADDR)) {
                values.reject(MASTER_ADDR, "is only valid for a SLAVE");
            }
            return null;
        }
        String value = values.required(MASTER_ADDR);
        if (value != null && !isHostPort(value)) {
            values.reject(MASTER_ADDR, "\"" + value + "\" is not host:port");
            return null;
        }
        return value;
    }

    private static boolean isHostPort(String address) {
        int colon = address.lastIndexOf(':');
        return colon > 0 && HOST_RULE.matcher(address.substring(0, colon)).matches()
                && ConfigValues.parsePort(address.substring(colon + 1)) != null;
    }

    private static List<String> namesrvAddresses(ConfigValues values) {
        String value = values.required(NAMESRV_ADDR);
        if (value == null) {
            return List.of();
        }
        List<String> addresses = hostPorts(values, NAMESRV_ADDR, value);
        if (addresses.isEmpty()) {
            values.reject(NAMESRV_ADDR, "names no name server");
        }
        return addresses;
    }

    private static List<String> slaveAddresses(ConfigValues values, @Nullable BrokerRole role) {
        String value = values.optional(SLAVE_ADDR);
        if (value == null) {
            return List.of();
        }
        if (role == BrokerRole.SLAVE) {
            values.reject(SLAVE_ADDR, "is only valid for a master");
            return List.of();
        }
        return hostPorts(values, SLAVE_ADDR, value);
    }

    /** The {@code host:port} entries of a {@code ;}-separated list; each other entry is rejected. */
    private static List<String> hostPorts(ConfigValues values, String key, String value) {
        List<String> addresses = new ArrayList<>();
        for (String part : value.split(";")) {
            String address = part.strip();
            if (address.isEmpty()) {
                continue;
            }
            if (!isHostPort(address)) {
                values.reject(key, "\"" + address + "\" is not host:port");
            } else {
                addresses.add(address);
            }
        }
        return addresses;
    }

    private static void refuseForNameServer(ConfigValues values, String key) {
        if (values.isSet(key)) {
            values.reject(key, "is only valid for role broker");
        }
    }

    private static @Nullable ControlPlaneEndpoint controlPlane(ConfigValues values) {
        String url = values.optional(CONTROL_PLANE_URL);
        if (url == null) {
            for (String key : List.of(BOOTSTRAP_TOKEN, ADMIN_URL)) {
                if (values.isSet(key)) {
                    values.reject(key, "is only used together with control.plane.url");
                }
            }
            return null;
        }
        String adminUrl = values.optional(ADMIN_URL);
        URI adminUri = adminUrl == null ? null : httpUrl(adminUrl);
        if (adminUrl != null && adminUri == null) {
            values.reject(ADMIN_URL, "\"" + adminUrl + "\" is not an absolute http or https URL");
        }
        String token = values.token(BOOTSTRAP_TOKEN, 1);
        URI uri = httpUrl(url);
        if (uri == null) {
            values.reject(CONTROL_PLANE_URL, "\"" + url + "\" is not an absolute http or https URL");
            return null;
        }
        return token == null ? null : new ControlPlaneEndpoint(uri, new Secret(token), adminUri);
    }

    private static @Nullable URI httpUrl(String url) {
        try {
            URI uri = new URI(url.endsWith("/") ? url.substring(0, url.length() - 1) : url);
            boolean http = "http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme());
            return http && uri.getHost() != null ? uri : null;
        } catch (URISyntaxException e) {
            return null;
        }
    }
}
