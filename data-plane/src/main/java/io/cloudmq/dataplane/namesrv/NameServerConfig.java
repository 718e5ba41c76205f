package io.cloudmq.dataplane.namesrv;

import io.cloudmq.dataplane.remoting.netty.RemotingServerConfig;
import java.time.Duration;

/**
 * Settings of a {@link NameServer}.
 *
 * @param remoting listening socket and connection settings
 * @param workerThreads threads running requests
 * @param queueCapacity requests waiting for a worker before new ones get {@code SYSTEM_BUSY}
 * @param brokerTimeout silence after which a broker is dropped, unless it registered its own timeout
 * @param scanInterval how often silent brokers are looked for
 */
public record NameServerConfig(
        RemotingServerConfig remoting, int workerThreads, int queueCapacity, Duration brokerTimeout,
        Duration scanInterval) {

    public NameServerConfig {
        if (workerThreads < 1 || queueCapacity < 1 || brokerTimeout.isNegative() || scanInterval.isNegative()
                || scanInterval.isZero()) {
            throw new IllegalArgumentException("thread, queue and time settings must be positive");
        }
    }

    /** Port 9876 by default in RocketMQ; 8 workers, 10,000 queued requests, 120 s timeout, 5 s scans. */
    public static NameServerConfig defaults(int port) {
        return new NameServerConfig(
                RemotingServerConfig.defaults(port), 8, 10_000, Duration.ofSeconds(120), Duration.ofSeconds(5));
    }
}
