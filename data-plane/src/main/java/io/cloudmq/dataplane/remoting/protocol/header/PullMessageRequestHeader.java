package io.cloudmq.dataplane.remoting.protocol.header;

import io.cloudmq.dataplane.remoting.protocol.HeaderFields;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Custom header of {@code PULL_MESSAGE} (11) and {@code LITE_PULL_MESSAGE} (361), spec §4.5. The
 * {@code sysFlag} bits are RocketMQ's {@code PullSysFlag}.
 */
public record PullMessageRequestHeader(
        String consumerGroup,
        String topic,
        int queueId,
        long queueOffset,
        int maxMsgNums,
        int sysFlag,
        long commitOffset,
        long suspendTimeoutMillis,
        @Nullable String subscription,
        @Nullable String expressionType,
        int maxMsgBytes) {

    public static final int FLAG_COMMIT_OFFSET = 0x1;
    public static final int FLAG_SUSPEND = 0x2;
    public static final int FLAG_SUBSCRIPTION = 0x4;

    public static PullMessageRequestHeader fromExtFields(Map<String, String> fields) {
        Integer maxMsgBytes = HeaderFields.optionalInt(fields, "maxMsgBytes");
        Long commitOffset = HeaderFields.optionalLong(fields, "commitOffset");
        return new PullMessageRequestHeader(
                HeaderFields.requireString(fields, "consumerGroup"),
                HeaderFields.requireString(fields, "topic"),
                (int) HeaderFields.requireLong(fields, "queueId"),
                HeaderFields.requireLong(fields, "queueOffset"),
                (int) HeaderFields.requireLong(fields, "maxMsgNums"),
                (int) HeaderFields.requireLong(fields, "sysFlag"),
                commitOffset == null ? 0 : commitOffset,
                HeaderFields.requireLong(fields, "suspendTimeoutMillis"),
                fields.get("subscription"),
                fields.get("expressionType"),
                maxMsgBytes == null ? Integer.MAX_VALUE : maxMsgBytes);
    }

    /** This header's fields, as a client sends them ({@link #fromExtFields} reads them back). */
    public Map<String, String> toExtFields() {
        return HeaderFields.writer().put("consumerGroup", consumerGroup).put("topic", topic).put("queueId", queueId)
                .put("queueOffset", queueOffset).put("maxMsgNums", maxMsgNums).put("sysFlag", sysFlag)
                .put("commitOffset", commitOffset).put("suspendTimeoutMillis", suspendTimeoutMillis)
                .put("subscription", subscription).put("expressionType", expressionType)
                .put("maxMsgBytes", maxMsgBytes).build();
    }

    public boolean has(int flag) {
        return (sysFlag & flag) != 0;
    }
}
