package io.cloudmq.controlplane;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Points a Spring test context at {@link EmbeddedPostgresSupport}'s database and data directory. The reconcile
 * loop and the failover watcher are off: contexts cached side by side would compete for their leadership, so
 * reconciler tests drive passes themselves (the standalone IT runs the real loop).
 */
public class EmbeddedPostgresInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {
    /** The token nodes of the test context present to register themselves. */
    public static final String NODE_BOOTSTRAP_TOKEN = "it-node-bootstrap-token";

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        TestPropertyValues.of(
                        "spring.datasource.url=" + EmbeddedPostgresSupport.jdbcUrl(),
                        "spring.datasource.username=postgres",
                        "spring.datasource.password=postgres",
                        "cloudmq.data-dir=" + EmbeddedPostgresSupport.dataDir(),
                        "cloudmq.cluster.bootstrap-token=" + NODE_BOOTSTRAP_TOKEN,
                        "cloudmq.reconcile.enabled=false",
                        "cloudmq.failover.enabled=false")
                .applyTo(context);
    }
}
