package io.cloudmq.dataplane.namesrv;

import io.cloudmq.dataplane.remoting.protocol.body.TopicConfig;
import java.time.Duration;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One broker's registration as the route table takes it: who it is and its whole topic table.
 *
 * @param brokerId 0 for the master of the group, &gt;0 for a slave
 * @param epoch the leadership epoch the broker registers with (the {@code stateVersion} of the body's data
 *     version, 0 for brokers that send none)
 * @param timeout silence after which the broker is dropped (its own {@code heartbeatTimeoutMillis}, or
 *     the name server's default)
 */
public record BrokerRegistration(
        String clusterName,
        String brokerName,
        String brokerAddr,
        long brokerId,
        @Nullable String haServerAddr,
        boolean enableActingMaster,
        long epoch,
        Duration timeout,
        Map<String, TopicConfig> topics) {

    public static final long MASTER_ID = 0;

    public BrokerRegistration {
        topics = Map.copyOf(topics);
    }

    public boolean isMaster() {
        return brokerId == MASTER_ID;
    }
}
