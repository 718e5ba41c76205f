package io.cloudmq.controlplane.node;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the local cluster that standalone mode runs as child JVMs ({@code cloudmq.standalone.*}).
 * {@code cloudmq.standalone.cluster-enabled=false} runs standalone mode without it (see
 * {@link LocalClusterConfiguration}).
 *
 * @param portBase the first name server's remoting port; every other fixed port moves with it
 * @param nodeHeap maximum heap of each node JVM ({@code -Xmx} value)
 * @param restartBackoff delay before the first restart of a crashed node; doubled per crash in a row
 * @param maxRestartBackoff longest delay between restarts
 */
@ConfigurationProperties("cloudmq.standalone")
public record LocalClusterProperties(
        @DefaultValue("9876") int portBase,
        @DefaultValue("256m") String nodeHeap,
        @DefaultValue("1s") Duration restartBackoff,
        @DefaultValue("30s") Duration maxRestartBackoff) {}
