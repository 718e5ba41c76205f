package io.cloudmq.dataplane.remoting.protocol.header;

import io.cloudmq.dataplane.remoting.protocol.HeaderFields;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Custom header of {@code REGISTER_BROKER} (103), as RocketMQ's {@code RegisterBrokerRequestHeader}
 * (spec §2.4). {@code bodyCrc32} is the CRC32 of the body masked with {@code 0x7FFFFFFF}; 0 means "not
 * checked".
 */
public record RegisterBrokerRequestHeader(
        String brokerName,
        String brokerAddr,
        String clusterName,
        @Nullable String haServerAddr,
        long brokerId,
        @Nullable Long heartbeatTimeoutMillis,
        boolean enableActingMaster,
        boolean compressed,
        int bodyCrc32) {

    public static RegisterBrokerRequestHeader fromExtFields(Map<String, String> fields) {
        Integer crc = HeaderFields.optionalInt(fields, "bodyCrc32");
        return new RegisterBrokerRequestHeader(
                HeaderFields.requireString(fields, "brokerName"),
                HeaderFields.requireString(fields, "brokerAddr"),
                HeaderFields.requireString(fields, "clusterName"),
                fields.get("haServerAddr"),
                HeaderFields.requireLong(fields, "brokerId"),
                HeaderFields.optionalLong(fields, "heartbeatTimeoutMillis"),
                HeaderFields.optionalBoolean(fields, "enableActingMaster", false),
                HeaderFields.optionalBoolean(fields, "compressed", false),
                crc == null ? 0 : crc);
    }

    public Map<String, String> toExtFields() {
        return HeaderFields.writer()
                .put("brokerName", brokerName)
                .put("brokerAddr", brokerAddr)
                .put("clusterName", clusterName)
                .put("haServerAddr", haServerAddr)
                .put("brokerId", brokerId)
                .put("heartbeatTimeoutMillis", heartbeatTimeoutMillis)
                .put("enableActingMaster", enableActingMaster)
                .put("compressed", compressed)
                .put("bodyCrc32", bodyCrc32)
                .build();
    }
}
