package io.cloudmq.dataplane.remoting.protocol.body;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * The addresses of one broker group, as RocketMQ's {@code BrokerData} (spec §2.1, §8.4 item 3): broker id
 * (0 = master, &gt;0 = slave) to {@code host:port}. Jackson writes the Long keys quoted ({@code "0"}), which
 * the 5.5.0 client accepts; {@code zoneName} is optional and omitted.
 */
public record BrokerData(String cluster, String brokerName, Map<Long, String> brokerAddrs, boolean enableActingMaster) {

    public BrokerData {
        brokerAddrs = Collections.unmodifiableMap(new TreeMap<>(brokerAddrs));
    }
}
