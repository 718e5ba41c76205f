package io.cloudmq.controlplane.failover;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Automatic failover, prefix {@code cloudmq.failover}.
 *
 * @param enabled whether the watcher promotes slaves of dead SYNC_MASTERs at all
 * @param masterDownFor how long a SYNC_MASTER must have missed its health checks before its slave is promoted
 * @param asyncMaster the operator's opt-in to promote the most advanced UP slave of a dead ASYNC_MASTER too,
 *     accepting the loss the decision reports
 * @param switchoverRouteRefresh how long a switchover waits after the old master's drain began (its fence)
 *     before starting it again as a slave: longer than the clients' route poll (30 s), so that no producer still
 *     routes sends to its address, which a slave would refuse
 */
@ConfigurationProperties("cloudmq.failover")
public record FailoverProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("10s") Duration masterDownFor,
        @DefaultValue("false") boolean asyncMaster,
        @DefaultValue("35s") Duration switchoverRouteRefresh) {}
