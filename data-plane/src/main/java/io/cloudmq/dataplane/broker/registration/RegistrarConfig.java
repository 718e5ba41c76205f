package io.cloudmq.dataplane.broker.registration;

import java.time.Duration;
import java.util.List;

/**
 * Settings of a {@link NameServerRegistrar}.
 *
 * @param nameServerAddresses every name server, as {@code host:port}
 * @param registerInterval how often the full registration is repeated (RocketMQ: 30 s)
 * @param connectionCheckInterval how often a name server without a connection is retried
 * @param requestTimeout how long one registration may take
 * @param heartbeatTimeout silence after which the name servers drop this broker (sent with each registration)
 */
public record RegistrarConfig(
        List<String> nameServerAddresses,
        Duration registerInterval,
        Duration connectionCheckInterval,
        Duration requestTimeout,
        Duration heartbeatTimeout) {

    public RegistrarConfig {
        nameServerAddresses = List.copyOf(nameServerAddresses);
        if (nameServerAddresses.isEmpty()) {
            throw new IllegalArgumentException("at least one name server is needed");
        }
    }

    /** 30 s re-registration, 1 s connection checks, 3 s request timeout, 120 s heartbeat timeout. */
    public static RegistrarConfig defaults(List<String> nameServerAddresses) {
        return new RegistrarConfig(
                nameServerAddresses, Duration.ofSeconds(30), Duration.ofSeconds(1), Duration.ofSeconds(3),
                Duration.ofSeconds(120));
    }
}
