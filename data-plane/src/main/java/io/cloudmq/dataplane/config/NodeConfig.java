package io.cloudmq.dataplane.config;

import io.cloudmq.api.node.NodeRole;
import io.cloudmq.dataplane.broker.transaction.TransactionCheckSettings;
import java.nio.file.Path;
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
 * @param namesrvAddresses name servers as {@code host:port}, in configured order
 * @param adminToken the per-cluster node token every admin request must carry
 * @param parentWatch whether EOF on stdin means "parent died" and shuts the node down
 * @param controlPlane where to register in distributed mode; {@code null} when the node is launched by a
 *     control plane that already knows it (standalone)
 * @param transactionChecks timing of a master broker's transaction checks (the defaults for a name server)
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
        List<String> namesrvAddresses,
        Secret adminToken,
        boolean parentWatch,
        @Nullable ControlPlaneEndpoint controlPlane,
        TransactionCheckSettings transactionChecks) {

    public NodeConfig {
        namesrvAddresses = List.copyOf(namesrvAddresses);
    }

    /** Directory of the node's log files. */
    public Path logDir() {
        return dataDir.resolve("logs");
    }
}
