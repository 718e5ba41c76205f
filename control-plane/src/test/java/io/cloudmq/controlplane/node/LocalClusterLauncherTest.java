package io.cloudmq.controlplane.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import io.cloudmq.controlplane.cluster.BrokerGroupRoles;
import io.cloudmq.controlplane.cluster.ClusterTier;
import io.cloudmq.controlplane.cluster.ReplicationInSync;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.unit.DataSize;

/** What the launcher writes into a node's {@code node.properties}. */
class LocalClusterLauncherTest {
    private final LocalClusterLayout layout = LocalClusterLayout.forPortBase(9876);

    @TempDir
    Path dir;

    private Properties written(String nodeId) throws IOException {
        LocalClusterLauncher launcher = new LocalClusterLauncher(
                new LocalClusterProperties(9876, "64m", Duration.ofSeconds(1), Duration.ofSeconds(30)), dir, "local",
                BrokerGroupRoles.resolve(ClusterTier.CLUSTER_HA, List.of("broker-a", "broker-b"), Map.of()),
                new ReplicationInSync(DataSize.ofMegabytes(8), Duration.ofMillis(2500)),
                new NodeToken("0123456789abcdef"), mock(NodeService.class),
                (cluster, brokerName) -> Optional.empty(), Clock.systemUTC());
        NodeSpec node = layout.nodes().stream().filter(spec -> spec.nodeId().equals(nodeId)).findFirst().orElseThrow();
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(launcher.writeConfig(node, dir.resolve(nodeId), layout))) {
            properties.load(in);
        }
        return properties;
    }

    @Test
    void everyBrokerGetsTheClustersInSyncLimits() throws IOException {
        for (String broker : List.of("broker-a-0", "broker-a-1")) {
            assertThat(written(broker))
                    .containsEntry("replication.in-sync.max-lag.bytes", "8388608")
                    .containsEntry("replication.in-sync.max-lag.ms", "2500");
        }
    }

    @Test
    void aNameServerGetsNoReplicationSettingsItWouldRefuse() throws IOException {
        assertThat(written("namesrv-0")).containsEntry("role", "namesrv")
                .doesNotContainKeys("replication.in-sync.max-lag.bytes", "replication.in-sync.max-lag.ms");
    }
}
