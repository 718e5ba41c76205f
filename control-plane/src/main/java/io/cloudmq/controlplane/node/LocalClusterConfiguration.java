package io.cloudmq.controlplane.node;

import io.cloudmq.controlplane.cluster.ClusterProperties;
import io.cloudmq.controlplane.shared.config.CloudMqProperties;
import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Starts the local cluster in standalone mode: no {@code spring.datasource.url} configured and
 * {@code cloudmq.standalone.cluster-enabled} not false.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.datasource.url:}'.isEmpty() and ${cloudmq.standalone.cluster-enabled:true}")
class LocalClusterConfiguration {

    @Bean
    LocalClusterLauncher localClusterLauncher(LocalClusterProperties properties, CloudMqProperties cloudmq,
            ClusterProperties cluster, NodeToken nodeToken, NodeService registry, BrokerGroupLeadership leadership,
            Clock clock) {
        return new LocalClusterLauncher(properties, cloudmq.dataDir(), cluster.id(), cluster.roles(),
                cluster.replication(), nodeToken, registry, leadership, clock);
    }

    @Bean
    NodeProvisioner localNodeProvisioner(CloudMqProperties cloudmq, LocalClusterLauncher launcher) {
        return new LocalNodeProvisioner(cloudmq.dataDir().toAbsolutePath(), launcher);
    }
}
