package io.cloudmq.dataplane.namesrv;

import io.cloudmq.dataplane.remoting.protocol.body.BrokerData;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * The registered addresses of one broker group (one brokerName), by broker id. Not thread-safe; guarded
 * by the {@link RouteTable} lock.
 */
final class BrokerGroup {
    private final String clusterName;
    private final String brokerName;
    private final Map<Long, String> addresses = new TreeMap<>();
    private boolean enableActingMaster;

    BrokerGroup(String clusterName, String brokerName) {
        this.clusterName = clusterName;
        this.brokerName = brokerName;
    }

    String clusterName() {
        return clusterName;
    }

    void put(long brokerId, String address, boolean actingMaster) {
        addresses.values().remove(address);
        addresses.put(brokerId, address);
        enableActingMaster = actingMaster;
    }

    /** Removes {@code address} if it is registered under {@code brokerId}; true if it was. */
    boolean remove(long brokerId, String address) {
        return addresses.remove(brokerId, address);
    }

    boolean isEmpty() {
        return addresses.isEmpty();
    }

    @Nullable String address(long brokerId) {
        return addresses.get(brokerId);
    }

    /**
     * Whether a registration of {@code brokerId} defines the group's queues: the master's always does; while
     * the group has no master, the lowest-numbered slave's does (RocketMQ's "prime slave").
     */
    boolean definesQueues(long brokerId) {
        if (brokerId == BrokerRegistration.MASTER_ID) {
            return true;
        }
        return !addresses.containsKey(BrokerRegistration.MASTER_ID)
                && addresses.keySet().stream().min(Long::compare).orElse(brokerId) == brokerId;
    }

    BrokerData toBrokerData() {
        return new BrokerData(clusterName, brokerName, addresses, enableActingMaster);
    }
}
