package io.cloudmq.controlplane.node;

import java.nio.file.Path;
import java.time.Clock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Starts the local cluster in standalone mode: no {@code spring.datasource.url} configured and
 * {@code cloudmq.standalone.cluster-enabled} not false.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(LocalClusterProperties.class)
@ConditionalOnExpression("'${spring.datasource.url:}'.isEmpty() and ${cloudmq.standalone.cluster-enabled:true}")
class LocalClusterConfiguration {

    @Bean
    LocalClusterLauncher localClusterLauncher(LocalClusterProperties properties,
            @Value("${cloudmq.data-dir:./data}") Path dataDir,
            @Value("${cloudmq.cluster.id:local}") String clusterId,
            NodeToken nodeToken, NodeService registry, Clock clock) {
        return new LocalClusterLauncher(properties, dataDir, clusterId, nodeToken, registry, clock);
    }
}
