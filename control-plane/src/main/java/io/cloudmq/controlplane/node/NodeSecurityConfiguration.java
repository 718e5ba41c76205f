package io.cloudmq.controlplane.node;

import io.cloudmq.controlplane.cluster.ClusterProperties;
import io.cloudmq.controlplane.security.PublicApiPaths;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Node self-registration carries the cluster's bootstrap token, not an API key. */
@Configuration(proxyBeanMethods = false)
class NodeSecurityConfiguration {

    @Bean
    PublicApiPaths nodeRegistrationPath() {
        return () -> List.of(NodeController.REGISTRATIONS);
    }

    @Bean
    NodeRegistrationGate nodeRegistrationGate(ClusterProperties cluster) {
        return new NodeRegistrationGate(cluster.bootstrapToken());
    }
}
