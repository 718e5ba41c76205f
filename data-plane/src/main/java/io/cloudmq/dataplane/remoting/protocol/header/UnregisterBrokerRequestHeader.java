package io.cloudmq.dataplane.remoting.protocol.header;

import io.cloudmq.dataplane.remoting.protocol.HeaderFields;
import java.util.Map;

/** Custom header of {@code UNREGISTER_BROKER} (104), as RocketMQ's {@code UnRegisterBrokerRequestHeader}. */
public record UnregisterBrokerRequestHeader(String brokerName, String brokerAddr, String clusterName, long brokerId) {

    public static UnregisterBrokerRequestHeader fromExtFields(Map<String, String> fields) {
        return new UnregisterBrokerRequestHeader(
                HeaderFields.requireString(fields, "brokerName"),
                HeaderFields.requireString(fields, "brokerAddr"),
                HeaderFields.requireString(fields, "clusterName"),
                HeaderFields.requireLong(fields, "brokerId"));
    }

    public Map<String, String> toExtFields() {
        return HeaderFields.writer()
                .put("brokerName", brokerName)
                .put("brokerAddr", brokerAddr)
                .put("clusterName", clusterName)
                .put("brokerId", brokerId)
                .build();
    }
}
