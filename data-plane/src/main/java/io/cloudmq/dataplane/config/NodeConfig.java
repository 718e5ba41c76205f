package io.cloudmq.dataplane.config;

import io.cloudmq.api.node.NodeRole;
import io.cloudmq.dataplane.broker.transaction.TransactionCheckSettings;
import io.cloudmq.dataplane.replication.InSyncLimits;
import io.cloudmq.dataplane.store.flush.FlushMode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Validated start-up configuration of one node process; see {@link NodeConfigLoader} for the keys.
 * Immutable.
 *
 * @param role what the process does
 * @param nodeId stable node name, e.g. {@code broker-a-0}
 * @param cluster the cluster the node belongs to
 * @param dataDir absolute directory holding everything the node writes (logs, desired state, later the store)
 * @param listenPort RocketMQ remoting port
 * @param adminPort admin HTTP port
 * @param advertisedHost host name or address others reach this node at
 * @param brokerName broker group; {@code null} for a name server
 * @param brokerId 0 for a master, at least 1 for a slave; {@code null} for a name server
 * @param brokerRole replication role; {@code null} for a name server
 * @param masterAddress a slave's master as {@code host:port} (its remoting port; replication is on port + 1);
 *     {@code null} for a master or a name server
 * @param slaveAddresses a master's slaves as {@code host:port} (their remoting ports), empty when none is known
 *     (a slave, a name server, a master without slaves or just promoted): a SYNC_MASTER that knows a slave
 *     starts write-fenced until one is in sync ({@code RestartFence})
 * @param brokerEpoch the broker group's leadership epoch as the control plane last stated it (0 before any
 *     failover); a master records it in its epoch history when it is newer than the store's last term
 * @param flushMode when the broker's store acknowledges a put ({@code ASYNC_FLUSH} for a name server)
 * @param namesrvAddresses name servers as {@code host:port}, in configured order
 * @param adminToken the per-cluster node token every admin request must carry
 * @param parentWatch whether EOF on stdin means "parent died" and shuts the node down
 * @param controlPlane where to register in distributed mode; {@code null} when the node is launched by a
 *     control plane that already knows it (standalone)
 * @param drain a broker's drain deadlines
 * @param restartFenceTimeout how long a SYNC_MASTER that starts write-fenced waits for a slave in sync before
 *     it opens writes anyway
 * @param transactionChecks timing of a master broker's transaction checks (the defaults for a name server)
 * @param replicationInSync when a slave counts as in sync with its master, applied by a master to its slaves and
 *     by a slave to itself (the defaults for a name server)
 */
public record NodeConfig(
        NodeRole role,
        String nodeId,
        String cluster,
        Path dataDir,
        int listenPort,
        int adminPort,
        String advertisedHost,
        @Nullable String brokerName,
        @Nullable Integer brokerId,
        @Nullable BrokerRole brokerRole,
        @Nullable String masterAddress,
        List<String> slaveAddresses,
        long brokerEpoch,
        FlushMode flushMode,
        List<String> namesrvAddresses,
        Secret adminToken,
        boolean parentWatch,
        @Nullable ControlPlaneEndpoint controlPlane,
        DrainConfig drain,
        Duration restartFenceTimeout,
        TransactionCheckSettings transactionChecks,
        InSyncLimits replicationInSync) {

    public NodeConfig {
        slaveAddresses = List.copyOf(slaveAddresses);
        namesrvAddresses = List.copyOf(namesrvAddresses);
    }

    /**
     * This broker's configuration after a promotion to the master of its group in {@code epoch}: broker id
     * 0, {@code masterRole}, no master address, and no known slave: its master is gone, so it opens writes at
     * once rather than wait for a slave (the control plane names the slaves at the node's next process start).
     */
    public NodeConfig promoted(BrokerRole masterRole, long epoch) {
        if (!masterRole.isMaster()) {
            throw new IllegalArgumentException(masterRole + " is not a master role");
        }
        return new NodeConfig(role, nodeId, cluster, dataDir, listenPort, adminPort, advertisedHost, brokerName, 0,
                masterRole, null, List.of(), epoch, flushMode, namesrvAddresses, adminToken, parentWatch, controlPlane,
                drain, restartFenceTimeout, transactionChecks, replicationInSync);
    }

    /**
     * This broker's configuration after its name servers refused it as a deposed master: a SLAVE of
     * {@code masterAddress} with broker id 1 (its promoted slave's id in a master + slave group; a control
     * plane that restarts the node passes the registry's id in {@code node.properties}).
     */
    public NodeConfig deposed(String masterAddress) {
        return new NodeConfig(role, nodeId, cluster, dataDir, listenPort, adminPort, advertisedHost, brokerName, 1,
                BrokerRole.SLAVE, masterAddress, List.of(), brokerEpoch, flushMode, namesrvAddresses, adminToken,
                parentWatch, controlPlane, drain, restartFenceTimeout, transactionChecks, replicationInSync);
    }

    /** Directory of the node's log files. */
    public Path logDir() {
        return dataDir.resolve("logs");
    }
}
