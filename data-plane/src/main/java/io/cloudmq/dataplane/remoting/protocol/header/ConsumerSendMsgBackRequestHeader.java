package io.cloudmq.dataplane.remoting.protocol.header;

import io.cloudmq.dataplane.remoting.protocol.HeaderFields;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Custom header of {@code CONSUMER_SEND_MSG_BACK} (36), spec §4.13.
 *
 * @param group consumer group that failed the message
 * @param offset physical offset of the failed message
 * @param delayLevel level the listener asked for; 0 lets the broker decide, negative sends to the DLQ
 * @param originMsgId message id the client saw
 * @param maxReconsumeTimes the client's maximum, or null if it sent none
 */
public record ConsumerSendMsgBackRequestHeader(
        String group, long offset, int delayLevel, @Nullable String originMsgId, @Nullable Integer maxReconsumeTimes) {

    public static ConsumerSendMsgBackRequestHeader fromExtFields(Map<String, String> fields) {
        Integer delayLevel = HeaderFields.optionalInt(fields, "delayLevel");
        return new ConsumerSendMsgBackRequestHeader(HeaderFields.requireString(fields, "group"),
                HeaderFields.requireLong(fields, "offset"), delayLevel == null ? 0 : delayLevel,
                fields.get("originMsgId"), HeaderFields.optionalInt(fields, "maxReconsumeTimes"));
    }
}
